using System.Diagnostics;
using Annalist.Store;
using Annalist.Store.Search;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Annalist.Cli.Commands;

/// <summary>
/// <c>annalist search QUERY [--db …] [--limit N] [--person …] [--place …] [--speaker …] [--event TYPE] [--from DATE] [--to DATE]</c>: the paragraphs of the corpus that contain every
/// word of the query, best first, each cited by document, paragraph number and offsets, with the
/// first match shown in its context; filters narrow it to paragraphs mentioning people or places, in a
/// speaker's turns, with an event type, or dated within a range. Exit code 0 with matches, 1 with none.
/// </summary>
public sealed class SearchCommand : Command<SearchSettings>
{
    private const int NoMatchesExitCode = 1;

    private readonly AnnalistServices _services;

    public SearchCommand(AnnalistServices services)
    {
        _services = services;
    }

    public override int Execute(CommandContext context, SearchSettings settings, CancellationToken cancellationToken)
    {
        var query = SearchQuery.Parse(settings.QueryText).WithFilters(settings.Filters);
        using var store = settings.OpenExistingStore();
        long started = Stopwatch.GetTimestamp();
        var hits = store.Search(query, settings.Limit);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var output = _services.Streams.Output;
        foreach (var hit in hits)
        {
            output.MarkupLine($"[bold]{Markup.Escape(hit.DocumentName)}[/] ¶{hit.Paragraph} [grey][[{hit.Match.Start}..{hit.Match.End})[/]");
            string before = (hit.Match.Start - hit.Before.Length > hit.ParagraphSpan.Start ? "…" : "") + OneLine(hit.Before);
            string after = OneLine(hit.After) + (hit.Match.End + hit.After.Length < hit.ParagraphSpan.End ? "…" : "");
            output.MarkupLine("  " + Markup.Escape(before) + "[yellow]" + Markup.Escape(OneLine(hit.Matched)) + "[/]" + Markup.Escape(after));
        }
        _services.Streams.WriteErrorLine($"{hits.Count} paragraph{(hits.Count == 1 ? "" : "s")} in {elapsed.TotalMilliseconds:0} ms.");
        return hits.Count > 0 ? 0 : NoMatchesExitCode;
    }

    /// <summary>Each run of line breaks and tabs becomes one space, so words on either side of a break stay apart.</summary>
    private static string OneLine(string text)
    {
        if (text.AsSpan().IndexOfAny('\r', '\n', '\t') < 0) return text;
        var builder = new System.Text.StringBuilder(text.Length);
        bool inBreak = false;
        foreach (char c in text)
        {
            if (c is '\r' or '\n' or '\t')
            {
                if (!inBreak) builder.Append(' ');
                inBreak = true;
                continue;
            }
            inBreak = false;
            builder.Append(c);
        }
        return builder.ToString();
    }
}
