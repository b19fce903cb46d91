namespace Annalist.Cli.Tests.Commands;

/// <summary><c>annalist serve</c> refuses what it cannot serve before it listens (the server itself is tested in Annalist.Web.Tests).</summary>
public class ServeCommandTests
{
    [Theory]
    [InlineData("--port", "70000", "--port must be 0 to 65535")]
    [InlineData("--token", "short", "--token must be at least 16 characters")]
    public void Serve_refuses_bad_options(string option, string value, string message)
    {
        using var cli = new CliHarness();
        Assert.Equal(AnnalistApp.InputErrorExitCode, cli.Run("serve", "--db", Path.Combine(cli.Folder, "corpus.db"), option, value));
        Assert.Contains(message, cli.Stderr + cli.ConsoleOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_refuses_a_host_that_is_not_an_ip_address_with_a_coded_line()
    {
        using var cli = new CliHarness();
        Assert.Equal(AnnalistApp.InputErrorExitCode, cli.Run("serve", "--db", Path.Combine(cli.Folder, "corpus.db"), "--host", "example.org"));
        Assert.Contains("ANL1007", cli.Stderr, StringComparison.Ordinal);
    }
}
