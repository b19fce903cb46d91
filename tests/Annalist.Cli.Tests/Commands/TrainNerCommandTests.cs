namespace Annalist.Cli.Tests.Commands;

public sealed class TrainNerCommandTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    public void Fewer_than_one_document_order_is_a_coded_error_before_any_training(string orders)
    {
        using var cli = new CliHarness();
        int exit = cli.Run("train", "ner", "--corpora", cli.Folder, "--gazetteers", cli.Folder, "--out", Path.Combine(cli.Folder, "out"), "--orders", orders);
        Assert.Equal(2, exit);
        Assert.Contains(cli.StderrLines, line => line.StartsWith("ANL1007: ", StringComparison.Ordinal) && line.Contains("--orders must be at least 1", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(cli.Folder, "out")));
    }

    [Theory]
    [InlineData("--given-names-dropout-on", "last", "--given-names-dropout-on must be first or all")]
    [InlineData("--given-names-dropout", "1.5", "--given-names-dropout must be between 0 and 1")]
    public void A_given_name_dropout_out_of_range_is_a_coded_error_before_any_training(string option, string value, string message)
    {
        using var cli = new CliHarness();
        int exit = cli.Run("train", "ner", "--corpora", cli.Folder, "--gazetteers", cli.Folder, "--out", Path.Combine(cli.Folder, "out"), option, value);
        Assert.Equal(2, exit);
        Assert.Contains(cli.StderrLines, line => line.StartsWith("ANL1007: ", StringComparison.Ordinal) && line.Contains(message, StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(cli.Folder, "out")));
    }
}
