using Annalist.Core.Annotations;
using Annalist.Core.Text;

namespace Annalist.Core.Discourse;

/// <summary>
/// What speaker resolution needs of the optional <c>mentions</c> and <c>entities</c> layers, read through
/// their written fields (<c>type</c> and <c>entity</c> of a mention; <c>id</c>, <c>type</c>, <c>aliases</c>
/// and <c>roles</c> of an entity), so that this component does not depend on the entity types themselves.
/// Empty when the layers are absent.
/// </summary>
internal sealed class EntityView
{
    public static readonly EntityView Empty = new([], []);

    public readonly record struct MentionInfo(TextSpan Span, string Type, string EntityId);

    public sealed record EntityInfo(string Id, string Type, IReadOnlyList<string> Aliases, IReadOnlyList<string> Roles);

    private readonly MentionInfo[] _mentions;
    private readonly Dictionary<string, EntityInfo> _entities;

    private EntityView(MentionInfo[] mentions, Dictionary<string, EntityInfo> entities)
    {
        _mentions = mentions;
        _entities = entities;
    }

    public bool IsEmpty => _mentions.Length == 0 && _entities.Count == 0;

    public IReadOnlyCollection<EntityInfo> Entities => _entities.Values;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static EntityView From(Layer? mentions, Layer? entities)
    {
        if (mentions is null && entities is null) return Empty;
        var mentionList = new List<MentionInfo>();
        if (mentions is not null)
        {
            var reader = new FieldReader();
            for (int i = 0; i < mentions.Count; i++)
            {
                reader.Clear();
                mentions.WriteFields(i, reader);
                if (reader.Strings.TryGetValue("entity", out var id) && id is not null)
                    mentionList.Add(new MentionInfo(mentions.GetSpan(i), reader.Strings.GetValueOrDefault("type") ?? "", id));
            }
        }
        var entityMap = new Dictionary<string, EntityInfo>(StringComparer.Ordinal);
        if (entities is not null)
        {
            var reader = new FieldReader();
            for (int i = 0; i < entities.Count; i++)
            {
                reader.Clear();
                entities.WriteFields(i, reader);
                if (reader.Strings.GetValueOrDefault("id") is not { } id) continue;
                entityMap[id] = new EntityInfo(id, reader.Strings.GetValueOrDefault("type") ?? "",
                    reader.Lists.GetValueOrDefault("aliases") ?? [], reader.Lists.GetValueOrDefault("roles") ?? []);
            }
        }
        mentionList.Sort((a, b) => a.Span.CompareTo(b.Span));
        return new EntityView([.. mentionList], entityMap);
    }

    /// <summary>The mention overlapping <paramref name="span"/> the most, if any.</summary>
    public MentionInfo? MentionAt(TextSpan span)
    {
        MentionInfo? best = null;
        int bestOverlap = 0;
        int low = 0, high = _mentions.Length;
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            if (_mentions[mid].Span.End <= span.Start - 200) low = mid + 1;
            else high = mid;
        }
        for (int i = low; i < _mentions.Length && _mentions[i].Span.Start < span.End; i++)
        {
            var m = _mentions[i].Span;
            int overlap = Math.Min(m.End, span.End) - Math.Max(m.Start, span.Start);
            if (overlap > bestOverlap)
            {
                bestOverlap = overlap;
                best = _mentions[i];
            }
        }
        return best;
    }

    public string? TypeOf(string id) => _entities.TryGetValue(id, out var e) ? e.Type : null;

    /// <summary>The first alias of entity <paramref name="id"/> (its first mention's words), if it is known.</summary>
    /// <summary>The aliases and roles entity <paramref name="id"/> is known by; empty for an unknown id.</summary>
    public IEnumerable<string> NamesAndRolesOf(string id) =>
        _entities.TryGetValue(id, out var e) ? e.Aliases.Concat(e.Roles) : [];

    /// <summary>The aliases of entity <paramref name="id"/>; empty for an unknown id.</summary>
    public IReadOnlyList<string> AliasesOf(string id) => _entities.TryGetValue(id, out var e) ? e.Aliases : [];

    public string? NameOf(string id) => _entities.TryGetValue(id, out var e) && e.Aliases.Count > 0 ? e.Aliases[0] : null;

    /// <summary>The person entity one of whose aliases is <paramref name="name"/>, or ends with its last word.</summary>
    public string? PersonNamed(string name)
    {
        string? bySurname = null;
        string last = LastWord(name);
        foreach (var entity in _entities.Values)
        {
            if (entity.Type != "person") continue;
            foreach (string alias in entity.Aliases)
            {
                if (alias.Equals(name, StringComparison.Ordinal)) return entity.Id;
                if (bySurname is null && last.Length > 1 && LastWord(alias).Equals(last, StringComparison.Ordinal)) bySurname = entity.Id;
            }
        }
        return bySurname;
    }

    /// <summary>The person entity one of whose aliases is exactly <paramref name="name"/>, or null.</summary>
    public string? PersonNamedExactly(string name)
    {
        foreach (var entity in _entities.Values)
        {
            if (entity.Type == "person" && entity.Aliases.Any(a => a.Equals(name, StringComparison.Ordinal))) return entity.Id;
        }
        return null;
    }

    /// <summary>The entity of a side (an organization, place or group, not a person) one of whose aliases is <paramref name="name"/>, case aside; null if none.</summary>
    public string? GroupNamed(string name)
    {
        foreach (var entity in _entities.Values)
        {
            if (entity.Type == "person") continue;
            if (entity.Aliases.Any(a => a.Trim().Equals(name.Trim(), StringComparison.OrdinalIgnoreCase))) return entity.Id;
        }
        return null;
    }

    /// <summary>The only person entity given a role or alias containing <paramref name="roleHead"/>, if exactly one is.</summary>
    public string? PersonWithRole(string roleHead)
    {
        string? found = null;
        foreach (var entity in _entities.Values)
        {
            if (entity.Type != "person" || IsNamedInCapitalsOnly(entity.Id)) continue;
            bool has = entity.Roles.Any(r => ContainsWord(r, roleHead)) || entity.Aliases.Any(a => ContainsWord(a, roleHead));
            if (!has) continue;
            if (found is not null && found != entity.Id) return null;
            found = entity.Id;
        }
        return found;
    }

    /// <summary>
    /// <see cref="PersonWithRole(string)"/>, unless every role or alias of that person naming the office qualifies it
    /// otherwise than the office named: <c>the Foreign Minister</c> is not the only entity with a role, the <c>Minister of
    /// Defence</c>, nor <c>Prime Minister X</c>; it may be a bare <c>Minister</c> or <c>Ambassador X</c>. Null then.
    /// </summary>
    public string? PersonWithRole(string roleHead, IReadOnlyList<string> modifiers)
    {
        if (PersonWithRole(roleHead) is not { } id) return null;
        if (modifiers.Count == 0) return id;
        var entity = _entities[id];
        return entity.Roles.Concat(entity.Aliases).Any(name => ContainsWord(name, roleHead) && AgreesWith(name, roleHead, modifiers)) ? id : null;
    }

    /// <summary>Whether office name <paramref name="name"/> has no qualifier of its head (a capitalized word right before it, or after its <c>of</c>) or holds every modifier.</summary>
    private static bool AgreesWith(string name, string head, IReadOnlyList<string> modifiers)
    {
        if (modifiers.All(m => ContainsWord(name, m))) return true;
        var words = name.Split([' ', ',', '.'], StringSplitOptions.RemoveEmptyEntries);
        int h = Array.FindIndex(words, w => w.Equals(head, StringComparison.OrdinalIgnoreCase));
        if (h < 0) return true;
        bool qualifiedBefore = h > 0 && char.IsUpper(words[h - 1][0]) && !DiscourseLexicon.Contains(DiscourseLexicon.PhraseDeterminers, words[h - 1]);
        bool qualifiedAfter = h + 2 < words.Length && words[h + 1] == "of" && char.IsUpper(words[h + 2][0]);
        return !qualifiedBefore && !qualifiedAfter;
    }

    /// <summary>
    /// The person entity a script-form speaker label in capitals stands for (<c>HARTLEY</c>, <c>MR. HARTLEY</c>,
    /// <c>SECRETARY HARTLEY</c>, <c>THE PRESIDENT</c>), compared case-folded: a surname (the label's last word) that is
    /// the last word of one person's alias, else a role noun that one person alone has among its roles or aliases.
    /// Null for one-letter labels (<c>Q</c>, <c>A</c>), for a label two people fit, and without entities. With
    /// <paramref name="capitalsToo"/>, a person named only in capitals counts too (a heading that names the labels' own).
    /// </summary>
    public string? PersonForLabel(string label, bool capitalsToo = false)
    {
        var words = label.Split([' ', '.', ','], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words.Length > 4 || words[^1].Length < 2) return null;
        string last = NameFolding.Fold(words[^1]);
        string? byName = null;
        foreach (var entity in _entities.Values)
        {
            // An entity named only in capitals is the labels' own (the tagger's reading of them), not the person they stand for.
            if (entity.Type != "person" || (!capitalsToo && IsNamedInCapitalsOnly(entity.Id))) continue;
            if (!entity.Aliases.Any(a => LastWord(a) is { Length: > 1 } w && NameFolding.Fold(DiscourseWords.WithoutPossessive(w)) == last)) continue;
            if (byName is not null && byName != entity.Id) return null;
            byName = entity.Id;
        }
        if (byName is not null) return byName;
        // “THE PRESIDENT”, “THE SOVIET AMBASSADOR”: the role noun is the label's last word.
        string head = char.ToUpperInvariant(words[^1][0]) + words[^1][1..].ToLowerInvariant();
        if (!DiscourseLexicon.Contains(DiscourseLexicon.RoleHeads, head) && !DiscourseLexicon.Contains(DiscourseLexicon.RoleHeads, words[^1])) return null;
        var modifiers = words[..^1].Where(w => w.Length > 1 && !DiscourseLexicon.Contains(DiscourseLexicon.PhraseDeterminers, w)).ToList();
        return PersonWithRole(head, modifiers);
    }

    /// <summary>True when every alias of entity <paramref name="id"/> is written in capitals (<c>HARTLEY</c>); false for an unknown id.</summary>
    public bool IsNamedInCapitalsOnly(string id) =>
        _entities.TryGetValue(id, out var entity) && entity.Aliases.Count > 0
        && entity.Aliases.All(a => a.Any(char.IsLetter) && !a.Any(char.IsLower));

    internal static bool ContainsWord(string text, string word)
    {
        int at = 0;
        while ((at = text.IndexOf(word, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            bool startOk = at == 0 || !char.IsLetter(text[at - 1]);
            bool endOk = at + word.Length == text.Length || !char.IsLetter(text[at + word.Length]);
            if (startOk && endOk) return true;
            at += word.Length;
        }
        return false;
    }

    private static string LastWord(string name)
    {
        var trimmed = name.AsSpan().TrimEnd();
        int space = trimmed.LastIndexOf(' ');
        return trimmed[(space + 1)..].ToString();
    }

    private sealed class FieldReader : IFieldWriter
    {
        public readonly Dictionary<string, string?> Strings = new(StringComparer.Ordinal);
        public readonly Dictionary<string, IReadOnlyList<string>> Lists = new(StringComparer.Ordinal);

        public void Clear()
        {
            Strings.Clear();
            Lists.Clear();
        }

        public void String(string name, string? value) => Strings[name] = value;

        public void Number(string name, long value) => Strings[name] = value.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public void Number(string name, double value) => Strings[name] = value.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public void Boolean(string name, bool value)
        {
        }

        public void Null(string name) => Strings[name] = null;

        public void Span(string name, TextSpan? span)
        {
        }

        public void StringList(string name, IReadOnlyList<string> values) => Lists[name] = values;

        public void Object(string name, Action<IFieldWriter> write)
        {
        }

        public void ObjectList<T>(string name, IReadOnlyList<T> items, Action<IFieldWriter, T> write)
        {
        }
    }
}
