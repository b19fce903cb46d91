using Annalist.Core.Errors;
using Annalist.Formats.Readers;

namespace Annalist.Formats.Tests.Readers;

public class MissingFileTests
{
    [Fact]
    public void A_link_to_nothing_is_ANL1014_naming_the_link_and_its_target()
    {
        using var folder = new TempFolder();
        string target = Path.Combine(folder.Path, "moved-away.txt");
        string link = Path.Combine(folder.Path, "record.txt");
        File.CreateSymbolicLink(link, target);
        var error = Assert.Throws<AnnalistException>(() => new PlainTextReader().Read(link));
        Assert.Equal("ANL1014", error.Code);
        Assert.StartsWith($"ANL1014: {link} is a symbolic link to {target}, which does not exist", error.ToOneLine());
    }

    [Fact]
    public void A_relative_link_shows_its_target_as_written_and_where_that_is()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "records"));
        string link = Path.Combine(folder.Path, "records", "record.txt");
        File.CreateSymbolicLink(link, Path.Combine("..", "gone.txt"));
        var error = MissingFile.Error(link, "records/record.txt");
        Assert.Equal("ANL1014", error.Code);
        Assert.Contains($"records/record.txt is a symbolic link to ../gone.txt ({Path.Combine(folder.Path, "gone.txt")})", error.Message);
    }

    [Fact]
    public void A_name_that_is_not_there_and_a_link_that_works_are_not_broken_links()
    {
        using var folder = new TempFolder();
        Assert.Equal("ANL1001", MissingFile.Error(Path.Combine(folder.Path, "absent.txt")).Code);
        string target = Path.Combine(folder.Path, "here.txt");
        File.WriteAllText(target, "A short note.");
        string link = Path.Combine(folder.Path, "link.txt");
        File.CreateSymbolicLink(link, target);
        Assert.Equal("A short note.", new PlainTextReader().Read(link).Document.Text);
    }
}
