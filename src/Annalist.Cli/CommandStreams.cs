using Spectre.Console;

namespace Annalist.Cli;

/// <summary>
/// Where commands write: <see cref="Output"/> for reports to a person, <see cref="OutputStream"/> for
/// data (JSON) on standard output, <see cref="Error"/> for one-line errors and progress. Tests pass
/// their own; the program uses the process's standard streams.
/// </summary>
public sealed class CommandStreams
{
    private readonly Lazy<IAnsiConsole> _errorConsole;
    private readonly Lock _errorLock = new();

    public CommandStreams(IAnsiConsole output, Stream outputStream, TextWriter error, bool errorIsInteractive)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(outputStream);
        ArgumentNullException.ThrowIfNull(error);
        Output = output;
        OutputStream = outputStream;
        Error = error;
        ErrorIsInteractive = errorIsInteractive;
        _errorConsole = new Lazy<IAnsiConsole>(() => AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Error),
            Interactive = ErrorIsInteractive ? InteractionSupport.Yes : InteractionSupport.No,
            Ansi = ErrorIsInteractive ? AnsiSupport.Detect : AnsiSupport.No,
        }));
    }

    /// <summary>The process's standard output and error.</summary>
    public static CommandStreams FromConsole()
    {
        var output = Console.IsOutputRedirected ? RedirectedConsole(Console.Out, RedirectedWidth(Environment.GetEnvironmentVariable("COLUMNS"))) : AnsiConsole.Console;
        return new(output, Console.OpenStandardOutput(), Console.Error, !Console.IsErrorRedirected);
    }

    /// <summary>
    /// The width of tables written to a file or a pipe: <c>COLUMNS</c> when it is set, else wide enough for the
    /// ledger's and the report's tables (Spectre would take 80 columns and wrap every cell).
    /// </summary>
    internal static int RedirectedWidth(string? columns) =>
        int.TryParse(columns, out int width) && width is >= 40 and <= 1000 ? width : 160;

    /// <summary>
    /// The console for output to a file or a pipe: plain text, <paramref name="width"/> columns, and no line ending in the
    /// blank Spectre leaves where it wraps a long line (or pads a table), whichever command writes it.
    /// </summary>
    internal static IAnsiConsole RedirectedConsole(TextWriter output, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(new TrailingBlankTrimmingWriter(output)),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        return console;
    }

    public IAnsiConsole Output { get; }

    public Stream OutputStream { get; }

    public TextWriter Error { get; }

    /// <summary>True when standard error is a terminal, so live progress can be drawn on it.</summary>
    public bool ErrorIsInteractive { get; }

    /// <summary>A console on <see cref="Error"/>, for live progress.</summary>
    public IAnsiConsole ErrorConsole => _errorConsole.Value;

    /// <summary>Writes one line to <see cref="Error"/>; safe to call from several threads.</summary>
    public void WriteErrorLine(string line)
    {
        lock (_errorLock)
        {
            Error.WriteLine(line);
            Error.Flush();
        }
    }
}
