using System.ComponentModel;
using Annalist.Web;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Annalist.Cli.Commands;

/// <summary>The arguments of <c>annalist serve</c>.</summary>
public sealed class ServeSettings : StoreSettings
{
    [CommandOption("--port <PORT>")]
    [Description("The port to listen on (default 5170; 0 takes a free one).")]
    [DefaultValue(ReaderOptions.DefaultPort)]
    public int Port { get; init; } = ReaderOptions.DefaultPort;

    [CommandOption("--host <ADDRESS>")]
    [Description("The IP address to bind (default 127.0.0.1, this machine only).")]
    [DefaultValue("127.0.0.1")]
    public string Host { get; init; } = "127.0.0.1";

    [CommandOption("--token <TOKEN>")]
    [Description("The token writes (corrections) must carry; a random one is made at start when none is given. ANNALIST_WEB_TOKEN works too.")]
    public string? Token { get; init; }

    public override ValidationResult Validate()
    {
        if (Port is < 0 or > 65535) return ValidationResult.Error("--port must be 0 to 65535.");
        if (Host != "localhost" && !System.Net.IPAddress.TryParse(Host, out _)) return ValidationResult.Error($"--host must be an IP address (such as 127.0.0.1 or 0.0.0.0), not '{Host}'.");
        if (Token is not null && Token.Length < 16) return ValidationResult.Error("--token must be at least 16 characters.");
        return base.Validate();
    }
}
