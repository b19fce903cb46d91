using Spectre.Console;
using Spectre.Console.Rendering;

namespace Annalist.Formats.Rendering;

/// <summary>
/// How every text table and report writes to a console: titles at the left margin on a line of their own, and no line
/// padded with blanks (Spectre pads to the widest row and centres a table's title across the whole table).
/// </summary>
public static class ConsoleText
{
    /// <summary>Writes <paramref name="title"/> in bold on a line of its own, as it is: no blanks before or after it.</summary>
    public static void Title(IAnsiConsole console, string title)
    {
        ArgumentNullException.ThrowIfNull(console);
        Show(console, new Text(title, new Style(decoration: Decoration.Bold)));
        console.WriteLine();
    }

    /// <summary>Writes <paramref name="renderable"/> with no blanks padding its lines.</summary>
    public static void Show(IAnsiConsole console, IRenderable renderable)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.Write(new TrimmedLines(renderable));
    }
}
