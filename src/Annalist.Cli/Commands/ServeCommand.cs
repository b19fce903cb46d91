using Annalist.Web;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Annalist.Cli.Commands;

/// <summary>
/// <c>annalist serve [--db …] [--port 5170] [--host 127.0.0.1] [--token T]</c>: the reader web application over a
/// store, until Ctrl+C. Prints the address and the write token that corrections need.
/// </summary>
public sealed class ServeCommand : AsyncCommand<ServeSettings>
{
    private readonly AnnalistServices _services;

    public ServeCommand(AnnalistServices services)
    {
        _services = services;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, ServeSettings settings, CancellationToken cancellationToken)
    {
        settings.OpenExistingStore().Dispose();
        var options = new ReaderOptions
        {
            StoreLocation = settings.StoreLocation,
            Host = settings.Host,
            Port = settings.Port,
            WriteToken = settings.Token ?? Environment.GetEnvironmentVariable("ANNALIST_WEB_TOKEN"),
        };
        await using var server = await ReaderServer.StartAsync(options, cancellationToken: cancellationToken).ConfigureAwait(false);
        var output = _services.Streams.Output;
        var index = server.Context.Index;
        output.WriteLine($"Serving {index.Current.Documents.Count:N0} document{(index.Current.Documents.Count == 1 ? "" : "s")} of {server.Context.StoreDescription} (read in {index.BuildTime.TotalSeconds:0.0} s).");
        output.WriteLine($"Open {server.Address}");
        output.WriteLine($"Write token (corrections need it): {server.WriteToken}");
        if (!server.Context.Assets.HasPages) _services.Streams.WriteErrorLine(new Core.Errors.AnnalistException(Core.Errors.ErrorCatalogue.WebClientAssetsMissing).ToOneLine());
        output.WriteLine("Press Ctrl+C to stop.");
        try
        {
            await server.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        return 0;
    }
}
