using System.Text.Json;
using Annalist.Tests;
using Microsoft.Playwright;

namespace Annalist.Web.Tests.Support;

/// <summary>
/// The shared seed record (<c>../shared/seed/</c>) and its hand annotation (<c>../shared/gold/</c>), and the checks
/// its document page must pass wherever it is served: every gold turn shown as a turn, its dates with their values.
/// </summary>
public static class SeedGold
{
    public sealed record GoldTurn(string Speaker, string Starts);

    public sealed record GoldTimex(string Text, string Value);

    public static string SeedFile => Directory.GetFiles(SharedData.PathTo("seed"), "*.txt").Single();

    /// <summary>The seed's text as a reader of the file sees it.</summary>
    public static string Text => File.ReadAllText(SeedFile);

    public static IReadOnlyList<GoldTurn> Turns => Gold(root => root.GetProperty("turns").EnumerateArray()
        .Select(t => new GoldTurn(t.GetProperty("speaker").GetString()!, t.GetProperty("starts").GetString()!)).ToList());

    public static IReadOnlyList<GoldTimex> Timexes => Gold(root => root.GetProperty("timexes").EnumerateArray()
        .Where(t => t.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String)
        .Select(t => new GoldTimex(t.GetProperty("text").GetString()!, t.GetProperty("value").GetString()!)).ToList());

    private static T Gold<T>(Func<JsonElement, T> read)
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(SharedData.PathTo("gold"), "*.gold.json").Single()));
        return read(gold.RootElement);
    }

    /// <summary>
    /// On an open document page of the seed (stored text <paramref name="text"/>): at least as many speaker labels as
    /// gold turns, the words each gold turn starts with inside a turn segment, and a date of the gold's first dated
    /// month carrying its normalized value in its title.
    /// </summary>
    public static async Task AssertDocumentPageShowsTurnsAndDatesAsync(IPage page, string text)
    {
        var turns = Turns;
        Assert.Equal(20, turns.Count);
        await page.WaitForSelectorAsync("#document-text .speaker-label");
        Assert.True(await page.Locator("#document-text .speaker-label").CountAsync() >= turns.Count);
        foreach (var turn in turns)
        {
            int at = text.IndexOf(turn.Starts, StringComparison.Ordinal);
            Assert.True(at >= 0, turn.Starts);
            string classes = await page.EvaluateAsync<string>(
                "at => { const s = [...document.querySelectorAll('#document-text .seg')].find(n => +n.dataset.start <= at && at < +n.dataset.end); return s ? s.className : ''; }", at);
            Assert.True(classes.Split(' ').Contains("turn"), $"the turn starting “{turn.Starts}” is not shown as a turn");
        }
        var titles = await page.Locator("#document-text .timex").EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.title)");
        string month = Timexes.First(t => t.Value.Length >= 7).Value[..7];
        Assert.Contains(titles, t => t.Contains(month, StringComparison.Ordinal));
    }
}
