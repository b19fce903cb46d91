using System.Diagnostics;
using System.Text.Json;
using Annalist.Core.Errors;
using Annalist.Core.Text;
using Annalist.Store;
using Annalist.Store.Corrections;
using Annalist.Store.Search;
using Annalist.Web.Corpus;
using Annalist.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Annalist.Web.Api;

/// <summary>
/// The JSON API under <c>/api</c>. Every route reads, except <c>POST /api/corrections</c>, which passes the
/// <see cref="WriteGuard"/>. Lists are paged and every <c>limit</c> is capped, so no request costs more than a page.
/// </summary>
public static class ReaderApi
{
    public const int MaxLimit = 500;
    public const int MaxTimelineItems = 5000;
    public const int MaxSearchHits = 100;
    private const int MaxFieldsLength = 4096;

    public static void Map(IEndpointRouteBuilder routes, ReaderContext reader)
    {
        var api = routes.MapGroup("/api");
        api.MapGet("/", () => Info(reader)).WithName("info").WithSummary("What the server serves: store, counts, layer names.");
        api.MapGet("/antiforgery", (HttpContext context, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            return Results.Ok(new AntiforgeryView(tokens.RequestToken!, WriteGuard.AntiforgeryHeader, WriteGuard.TokenHeader));
        }).WithName("antiforgery").WithSummary("Sets the anti-forgery cookie and returns the token a write must echo in the X-XSRF-TOKEN header.");
        api.MapGet("/documents", (HttpContext http, string? q, int? offset, int? limit) => Cached(reader, http, s => Documents(s, q, offset, limit)))
            .WithName("documents").WithSummary("Documents by date then name; q filters by name, title or key.");
        api.MapGet("/documents/{id:long}", (long id, string? layers, CancellationToken cancellation) => Document(reader, id, layers, cancellation))
            .WithName("document").WithSummary("A document's text, layers (all, or the comma-separated names in 'layers'), diagnostics and corrections.");
        api.MapGet("/documents/{id:long}/entities", (long id) => reader.Index.Current.Documents.TryGetValue(id, out var document)
                ? Results.Ok(new DocumentEntitiesView(id, document.Entities))
                : NotFound("document", id))
            .WithName("documentEntities").WithSummary("The entities of one document, from its entities layer.");
        api.MapGet("/entities", (HttpContext http, string? type, string? q, int? offset, int? limit) => Cached(reader, http, s => Entities(s, type, q, offset, limit)))
            .WithName("entities").WithSummary("Corpus entities, most mentioned first; filter by type or name.");
        api.MapGet("/entities/{id}", (HttpContext http, string id) => reader.Index.Current.ResolveEntity(id) is { } resolved ? Cached(reader, http, s => Entity(s, s.ResolveEntity(resolved) ?? resolved)) : NotFound("entity", id))
            .WithName("entity").WithSummary("An entity: names, aliases, roles, the evidence that gathered it, its mentions, turns and events.");
        api.MapGet("/search", (string? q, int? limit, CancellationToken cancellation) => Search(reader, q, limit, cancellation))
            .WithName("search").WithSummary("Paragraphs containing every word of q, best first, with keyword in context and citations.");
        api.MapGet("/timeline", (HttpContext http, string? from, string? to, string? kind, long? document, int? limit) => TimelineProblem(from, to, kind) ?? Cached(reader, http, s => Timeline(s, from, to, kind, document, limit)))
            .WithName("timeline").WithSummary("Dated events (kind=event, the default) or temporal expressions (kind=timex, all) within [from, to].");
        api.MapGet("/network", (HttpContext http, string? from, string? to, int? limit) => DatesProblem(from, to) ?? Cached(reader, http, s => Network(s, from, to, limit)))
            .WithName("network").WithSummary("People who met or spoke with whom, weighted by evidence; from/to filter by document date.");
        api.MapGet("/places", (HttpContext http, int? limit) => Cached(reader, http, s => s.Places.Take(Cap(limit, MaxLimit, MaxLimit)).ToList()))
            .WithName("places").WithSummary("Places with coordinates from the gazetteer, with the documents that mention them.");
        api.MapGet("/ledger", (HttpContext http, string? status, string? type, long? document, int? offset, int? limit) => Cached(reader, http, s => Ledger(s, status, type, document, offset, limit)))
            .WithName("ledger").WithSummary("Commitments from the events layer (requests, grants, promises, refusals) with their status.");
        api.MapPost("/entities/{id}/merge", (string id, EntityMergeRequest request) => MergeEntities(reader, id, request))
            .AddEndpointFilter(new WriteGuard(reader.WriteToken))
            .WithName("mergeEntities").WithSummary("Makes entity 'from' part of entity {id} through the store's merge: a correction kept across re-analysis. Needs the write token and the anti-forgery token.");
        api.MapPost("/entities/{id}/split", (string id, EntitySplitRequest request) => SplitEntity(reader, id, request))
            .AddEndpointFilter(new WriteGuard(reader.WriteToken))
            .WithName("splitEntity").WithSummary("Takes the document entities with the names given out of entity {id} into one of their own through the store's split. Needs the write token and the anti-forgery token.");
        api.MapPost("/corrections", (CorrectionRequest request, CancellationToken cancellation) => Correct(reader, request, cancellation))
            .AddEndpointFilter(new WriteGuard(reader.WriteToken))
            .WithName("correct").WithSummary("Records a correction and applies it; it survives re-analysis. Needs the write token and the anti-forgery token.");
    }

    private static IResult Info(ReaderContext reader)
    {
        var snapshot = reader.Index.Current;
        var layers = reader.Stores.Use(store => snapshot.Documents.Keys.Take(1).SelectMany(id => store.GetLayers(id).Select(l => l.Name)).ToList());
        return Results.Ok(new ServerInfo(reader.StoreDescription, snapshot.Documents.Count, snapshot.Entities.Count, reader.Index.BuildTime.TotalSeconds,
            reader.Assets.HasPages, [.. layers]));
    }

    /// <summary>
    /// Answers from the snapshot's response cache: the views depend on the snapshot only, so each distinct
    /// request is computed and serialized once per snapshot.
    /// </summary>
    private static IResult Cached(ReaderContext reader, HttpContext http, Func<CorpusSnapshot, object> view)
    {
        var snapshot = reader.Index.Current;
        string key = http.Request.Path.Value + http.Request.QueryString.Value;
        return Results.Bytes(snapshot.CachedJson(key, () => view(snapshot)), "application/json; charset=utf-8");
    }

    private static IResult? TimelineProblem(string? from, string? to, string? kind) =>
        kind is null or "" or "event" or "timex" or "all" ? DatesProblem(from, to)
            : Problems.Of(ErrorCatalogue.WebInvalidParameter, StatusCodes.Status400BadRequest, "kind", "event, timex or all");

    private static IResult? DatesProblem(string? from, string? to)
    {
        if (!TryBound(from, earliest: true, out _)) return Problems.Of(ErrorCatalogue.WebInvalidParameter, StatusCodes.Status400BadRequest, "from", "an ISO date such as 1955 or 1955-07-18");
        if (!TryBound(to, earliest: false, out _)) return Problems.Of(ErrorCatalogue.WebInvalidParameter, StatusCodes.Status400BadRequest, "to", "an ISO date such as 1955 or 1955-07-18");
        return null;
    }

    private static object Documents(CorpusSnapshot snapshot, string? q, int? offset, int? limit)
    {
        IEnumerable<DocumentSummary> documents = snapshot.Ordered;
        if (!string.IsNullOrWhiteSpace(q))
        {
            string needle = q.Trim();
            documents = documents.Where(d => d.Name.Contains(needle, StringComparison.OrdinalIgnoreCase)
                || (d.Title?.Contains(needle, StringComparison.OrdinalIgnoreCase) ?? false) || d.Key.Contains(needle, StringComparison.OrdinalIgnoreCase));
        }
        return Paged(documents.ToList(), offset, limit);
    }

    private static IResult Document(ReaderContext reader, long id, string? layers, CancellationToken cancellation)
    {
        if (!reader.Index.Current.Documents.TryGetValue(id, out var facts)) return NotFound("document", id);
        var wanted = string.IsNullOrWhiteSpace(layers) ? null : layers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var view = reader.Stores.Use(store =>
        {
            var stored = store.FindDocument(facts.Summary.Key);
            if (stored is null) return null;
            var all = store.GetLayers(stored.Id);
            var annotations = wanted is null
                ? store.GetAnnotations(stored.Id).ToLookup(a => a.Layer, StringComparer.Ordinal)
                : wanted.Where(w => all.Any(l => l.Name == w)).SelectMany(w => store.GetAnnotations(stored.Id, w)).ToLookup(a => a.Layer, StringComparer.Ordinal);
            var layerViews = all.Where(l => wanted is null || wanted.Contains(l.Name))
                .Select(l => new LayerView(l.Name, l.Producer, l.AlignedTo, annotations[l.Name].Select(a => new AnnotationView(a.Span.Start, a.Span.End, a.Fields, a.CorrectionId)).ToList()))
                .ToList();
            var diagnostics = store.GetDiagnostics(stored.Id)
                .Select(d => new DiagnosticView(d.Code, d.Severity.ToString().ToLowerInvariant(), d.Message, d.Span?.Start, d.Span?.End, d.Producer)).ToList();
            var corrections = store.GetCorrections(stored.Key)
                .Select(c => new CorrectionView(c.Id, c.Action.Name(), c.Layer, c.Anchor.Span.Start, c.Anchor.Span.End, c.Anchor.Exact, c.Fields, c.Note, c.CreatedAt)).ToList();
            return new DocumentView(stored.Id, stored.Key, stored.Name, stored.Metadata, stored.PipelineVersion, stored.AnalyzedAt, stored.Text, layerViews,
                all.Select(l => new LayerInfo(l.Name, l.Producer, l.AlignedTo, l.Count)).ToList(), diagnostics, corrections);
        }, cancellation);
        return view is null ? NotFound("document", id) : Results.Ok(view);
    }

    private static object Entities(CorpusSnapshot snapshot, string? type, string? q, int? offset, int? limit)
    {
        IEnumerable<CorpusEntity> entities = snapshot.EntityList;
        if (!string.IsNullOrWhiteSpace(type)) entities = entities.Where(e => e.Type == type);
        if (!string.IsNullOrWhiteSpace(q)) entities = entities.Where(e => e.Aliases.Any(a => a.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase)));
        return Paged(entities.Select(e => new EntitySummary(e.Id, e.Type, e.Name, e.Roles, e.Occurrences.Length, e.Occurrences.Sum(o => o.Mentions))).ToList(), offset, limit);
    }

    private static object Entity(CorpusSnapshot snapshot, string id)
    {
        var entity = snapshot.Entities[id];
        var mentions = new List<Passage>();
        var turns = new List<SpeechView>();
        var events = new List<EntityEventView>();
        int total = 0;
        foreach (var occurrence in entity.Occurrences)
        {
            var document = snapshot.Documents[occurrence.Document];
            var spans = document.Entities.Where(e => e.Id == occurrence.DocumentEntity).SelectMany(e => e.Mentions).ToList();
            total += spans.Count;
            foreach (var span in spans)
                if (mentions.Count < 200) mentions.Add(document.PassageAt(span));
            foreach (var turn in document.Turns)
                if (turn.Speakers.Contains(occurrence.DocumentEntity) && turns.Count < 200) turns.Add(new SpeechView(document.PassageAt(turn.Span, 0), turn.Mode));
            foreach (var fact in document.Events)
            {
                var roles = fact.Roles.Where(r => r.Value.Contains(occurrence.DocumentEntity)).Select(r => r.Key).ToList();
                bool mentioned = roles.Count == 0 && spans.Any(s => fact.Span.Contains(s));
                if ((roles.Count > 0 || mentioned) && events.Count < 200)
                    events.Add(new EntityEventView(document.PassageAt(fact.Span, 0), fact.Type, roles.Count > 0 ? "role" : "mentioned", roles));
            }
        }
        return new EntityView(entity, mentions, turns, events, total);
    }

    private static IResult Search(ReaderContext reader, string? q, int? limit, CancellationToken cancellation)
    {
        if (!SearchQuery.TryParse(q, out var query)) return Problems.Of(ErrorCatalogue.WebInvalidParameter, StatusCodes.Status400BadRequest, "q", "give at least one word to search for");
        int capped = Cap(limit, 20, MaxSearchHits);
        var started = Stopwatch.GetTimestamp();
        var hits = reader.Stores.Use(store => store.Search(query, capped), cancellation);
        double elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var byKey = reader.Index.Current.DocumentsByKey;
        var views = hits.Select(h => new SearchHitView(byKey.TryGetValue(h.DocumentKey, out long id) ? id : null, h.DocumentKey, h.DocumentName, h.Paragraph,
            h.ParagraphSpan.Start, h.ParagraphSpan.End, h.Match.Start, h.Match.End, h.Before, h.Matched, h.After,
            h.Match.Start - h.Before.Length > h.ParagraphSpan.Start, h.Match.End + h.After.Length < h.ParagraphSpan.End, h.Citation, h.Score)).ToList();
        return Results.Ok(new SearchView(query.Text, capped, elapsed, views));
    }

    private static object Timeline(CorpusSnapshot snapshot, string? from, string? to, string? kind, long? document, int? limit)
    {
        string wantedKind = string.IsNullOrWhiteSpace(kind) ? "event" : kind;
        TryBound(from, earliest: true, out string? lower);
        TryBound(to, earliest: false, out string? upper);
        var items = snapshot.TimelineItems.Where(i => (wantedKind == "all" || i.Kind == wantedKind) && (document is null || i.Document == document)
            && (lower is null || string.CompareOrdinal(i.To, lower) >= 0) && (upper is null || string.CompareOrdinal(i.From, upper) <= 0)).ToList();
        string? earliest = items.Count == 0 ? null : items.Min(i => i.From), latest = items.Count == 0 ? null : items.Max(i => i.To);
        return new Timeline(earliest, latest, items.Count, [.. items.Take(Cap(limit, 2000, MaxTimelineItems))]);
    }

    private static object Network(CorpusSnapshot snapshot, string? from, string? to, int? limit)
    {
        TryBound(from, earliest: true, out string? lower);
        TryBound(to, earliest: false, out string? upper);
        var network = lower is null && upper is null
            ? snapshot.Network
            : CorpusViews.Network(snapshot.Documents.Values.Where(d => d.Summary.Earliest is { } date
                && (lower is null || string.CompareOrdinal(date, lower) >= 0) && (upper is null || string.CompareOrdinal(date, upper) <= 0)), snapshot.Entities, resolve: snapshot.EntityOf);
        int capped = Cap(limit, 150, MaxLimit);
        var nodes = network.Nodes.Take(capped).ToList();
        var kept = nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var edges = network.Edges.Where(e => kept.Contains(e.Source) && kept.Contains(e.Target)).Take(capped * 4).ToList();
        return new Network([.. nodes], [.. edges]);
    }

    private static object Ledger(CorpusSnapshot snapshot, string? status, string? type, long? document, int? offset, int? limit)
    {
        var entries = snapshot.Ledger.Where(e => (string.IsNullOrWhiteSpace(status) || StatusIs(e.Status, status)) && (string.IsNullOrWhiteSpace(type) || e.Type == type)
            && (document is null || e.Document == document)).ToList();
        return Paged(entries, offset, limit);
    }

    /// <summary>A status filter names its first word (<c>granted</c> finds <c>granted 30 of 50 (e7)</c>) or the whole status.</summary>
    private static bool StatusIs(string status, string wanted)
    {
        string trimmed = wanted.Trim();
        return status.StartsWith(trimmed, StringComparison.Ordinal) && (status.Length == trimmed.Length || status[trimmed.Length] == ' ');
    }

    private static IResult Correct(ReaderContext reader, CorrectionRequest request, CancellationToken cancellation)
    {
        if (!CorrectionActions.TryParse(request.Action ?? "", out var action))
            return Invalid($"unknown action '{request.Action}' (add, remove, set, retype, speaker, date, merge, split)");
        string layer = string.IsNullOrWhiteSpace(request.Layer) ? DefaultLayer(action) : request.Layer;
        if (layer.Length > 64 || !layer.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')) return Invalid("a layer name is letters, digits, '-' or '_'");
        if (!reader.Index.Current.Documents.TryGetValue(request.Document, out var facts)) return NotFound("document", request.Document);
        if (request.Start < 0 || request.End <= request.Start || request.End > facts.Text.Length)
            return Problems.Of(ErrorCatalogue.CorrectionOutOfRange, StatusCodes.Status400BadRequest, request.Start, request.End, facts.Summary.Name, facts.Text.Length);
        var given = new Dictionary<string, JsonElement>(request.Fields ?? [], StringComparer.Ordinal);
        // The turns layer names its speakers in a list, and a date's range follows its value: keep them in step.
        if (action == CorrectionAction.ChangeSpeaker && given.TryGetValue("speaker", out var speaker) && speaker.ValueKind == JsonValueKind.String && !given.ContainsKey("speakers"))
            given["speakers"] = JsonSerializer.SerializeToElement(new[] { speaker.GetString() });
        if (action == CorrectionAction.FixDate && given.TryGetValue("value", out var value) && IsoRange.TryParse(value.ValueKind == JsonValueKind.String ? value.GetString() : null, out string low, out string high))
        {
            given["earliest"] = JsonSerializer.SerializeToElement(low);
            given["latest"] = JsonSerializer.SerializeToElement(high);
        }
        string fields = JsonSerializer.Serialize(given);
        if (fields.Length > MaxFieldsLength) return Invalid($"fields are longer than {MaxFieldsLength} characters");
        string? required = action switch
        {
            CorrectionAction.Retype => "type",
            CorrectionAction.ChangeSpeaker => "speaker",
            CorrectionAction.FixDate => "value",
            CorrectionAction.MergeEntity or CorrectionAction.SplitEntity => "entity",
            _ => null,
        };
        if (required is not null && (request.Fields is null || !request.Fields.ContainsKey(required))) return Invalid($"the action '{action.Name()}' needs the field '{required}'");
        var span = new TextSpan(request.Start, request.End);
        var correction = new Correction
        {
            DocumentKey = facts.Summary.Key,
            Action = action,
            Layer = layer,
            Anchor = TextAnchor.At(facts.Text, span),
            Fields = fields,
            Note = request.Note is { Length: > 1000 } note ? note[..1000] : request.Note,
        };
        var outcome = reader.Stores.Use(store => store.AddCorrection(correction), cancellation);
        reader.Index.Refresh(facts.Summary.Key);
        return Results.Created($"/api/documents/{request.Document}", new CorrectionResult(outcome.CorrectionId, outcome.Anchored, outcome.Span?.Start, outcome.Span?.End, outcome.Changed));
    }

    private static IResult MergeEntities(ReaderContext reader, string id, EntityMergeRequest request)
    {
        if (StoreEntityId(reader, id) is not { } into) return NotFound("entity", id);
        if (StoreEntityId(reader, request.From ?? "") is not { } from) return NotFound("entity", request.From ?? "");
        return ChangeEntities(reader, store => [store.MergeEntities(into, from, Note(request.Note))]);
    }

    private static IResult SplitEntity(ReaderContext reader, string id, EntitySplitRequest request)
    {
        if (StoreEntityId(reader, id) is not { } entity) return NotFound("entity", id);
        var names = (request.Names ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).ToList();
        if (names.Count == 0) return Invalid("a split needs the names to take out");
        return ChangeEntities(reader, store => store.SplitEntity(entity, names, Note(request.Note)));
    }

    /// <summary>The store's id of a corpus entity the page names (by its own id or a document entity's); null when the entities are not the store's.</summary>
    private static long? StoreEntityId(ReaderContext reader, string id) =>
        reader.Index.Current.ResolveEntity(id) is { } resolved && long.TryParse(resolved, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long value) ? value : null;

    private static IResult ChangeEntities(ReaderContext reader, Func<ICorpusStore, IReadOnlyList<Store.Entities.CorpusEntity>> change)
    {
        IReadOnlyList<Store.Entities.CorpusEntity> changed;
        try
        {
            changed = reader.Stores.Use(change);
        }
        catch (AnnalistException coded) when (coded.Error != ErrorCatalogue.StoreFailed)
        {
            // An unknown id, two entities that are one already, names that match none of it: the user's request, not the store, is at fault.
            return Invalid(coded.Message);
        }
        reader.Index.RefreshEntities();
        return Results.Ok(changed.Select(e => new EntitySummary(e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Type, e.Name, e.Roles, e.Documents,
            reader.Index.Current.Entities.TryGetValue(e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), out var now) ? now.Occurrences.Sum(o => o.Mentions) : 0)).ToList());
    }

    private static string? Note(string? note) => note is { Length: > 1000 } ? note[..1000] : note;

    private static string DefaultLayer(CorrectionAction action) => action switch
    {
        CorrectionAction.ChangeSpeaker => Core.Annotations.LayerNames.Turns,
        CorrectionAction.FixDate => Core.Annotations.LayerNames.Timexes,
        _ => Core.Annotations.LayerNames.Mentions,
    };

    private static IResult Invalid(string reason) => Problems.Of(ErrorCatalogue.WebInvalidCorrection, StatusCodes.Status400BadRequest, reason);

    private static IResult NotFound(string what, object id) => Problems.Of(ErrorCatalogue.WebNotFound, StatusCodes.Status404NotFound, what, id);

    private static Page<T> Paged<T>(IReadOnlyList<T> items, int? offset, int? limit)
    {
        int start = Math.Clamp(offset ?? 0, 0, items.Count);
        int capped = Cap(limit, 100, MaxLimit);
        return new Page<T>(items.Count, start, capped, items.Skip(start).Take(capped).ToList());
    }

    /// <summary>The limit asked for, else <paramref name="fallback"/>, never more than <paramref name="max"/> nor less than 1.</summary>
    internal static int Cap(int? limit, int fallback, int max) => Math.Clamp(limit ?? fallback, 1, max);

    private static bool TryBound(string? value, bool earliest, out string? bound)
    {
        bound = null;
        if (string.IsNullOrWhiteSpace(value)) return true;
        if (!IsoRange.TryParse(value, out string low, out string high)) return false;
        bound = earliest ? low : high;
        return true;
    }
}
