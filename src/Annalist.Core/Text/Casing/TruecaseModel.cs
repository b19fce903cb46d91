using System.IO.Compression;
using System.Reflection;
using System.Text;

namespace Annalist.Core.Text.Casing;

/// <summary>
/// Word → its casing forms with counts (<c>molotov</c>: <c>Molotov</c> 41), learned from mixed-case text where the
/// word does not open a sentence or follow a colon, nor stands in a sentence in capitals. A word the model does not know
/// is one the training text never shows; in capitals it is most likely a name. Immutable and thread-safe.
/// </summary>
public sealed class TruecaseModel
{
    /// <summary>Resource name of the shipped model (<c>models/truecase.v1.tsv.gz</c>).</summary>
    public const string Resource = "Annalist.Models.truecase.v1.tsv.gz";

    private static readonly Lazy<TruecaseModel> SharedModel = new(LoadShipped);

    private readonly Dictionary<string, string> _forms;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private TruecaseModel(Dictionary<string, string> forms)
    {
        _forms = forms;
        _lookup = forms.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The model shipped inside Annalist.Core, loaded on first use; empty when the build carries none.</summary>
    public static TruecaseModel Shipped => SharedModel.Value;

    /// <summary>A model that knows no word (every word reads lower case).</summary>
    public static TruecaseModel Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>Words the model knows.</summary>
    public int Count => _forms.Count;

    /// <summary>The likeliest form of <paramref name="lowerCaseWord"/> (lower case, invariant culture); false for a word the model does not know.</summary>
    public bool TryGetForm(ReadOnlySpan<char> lowerCaseWord, out string form) => _lookup.TryGetValue(lowerCaseWord, out form!);

    /// <summary>
    /// Counts the forms of every word of <paramref name="sentences"/> except the first of a sentence and one after a colon
    /// (whose capital says nothing of the word), and of each word of <paramref name="titleCaseNames"/> as a capitalized form.
    /// </summary>
    public static Counts CountForms(IEnumerable<IReadOnlyList<string>> sentences, IEnumerable<string> titleCaseNames)
    {
        var counts = new Counts();
        foreach (var sentence in sentences)
        {
            // A sentence in capitals says nothing of its words' casing.
            if (InCapitals(sentence)) continue;
            for (int i = 1; i < sentence.Count; i++)
            {
                if (sentence[i - 1] == ":") continue;
                counts.Add(sentence[i], 1);
            }
        }
        var gazetteerWords = new List<string>();
        foreach (string name in titleCaseNames)
        {
            foreach (string word in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                // Only for words the text never shows: many place names are common words (Park, Beach, New).
                if (word.Length > 1 && char.IsUpper(word[0]) && !IsAllUpper(word) && !counts.ByWord.ContainsKey(word.ToLowerInvariant())) gazetteerWords.Add(word);
            }
        }
        foreach (string word in gazetteerWords) counts.Add(word, 1);
        return counts;
    }

    private static bool InCapitals(IReadOnlyList<string> sentence)
    {
        int upper = 0, lower = 0;
        foreach (string word in sentence)
        {
            foreach (char c in word)
            {
                if (char.IsUpper(c)) upper++;
                else if (char.IsLower(c)) lower++;
            }
        }
        return upper >= 2 && lower <= Truecaser.LowerCaseTolerance * (upper + lower);
    }

    /// <summary>Form counts per lower-case word, the raw material of a model.</summary>
    public sealed class Counts
    {
        internal readonly Dictionary<string, Dictionary<string, int>> ByWord = new(StringComparer.Ordinal);

        public int Words => ByWord.Count;

        public void Add(string word, int count)
        {
            if (!HasLetter(word) || word.Length > 40) return;
            string key = word.ToLowerInvariant();
            if (key.Length != word.Length) return;
            if (!ByWord.TryGetValue(key, out var forms)) ByWord[key] = forms = new Dictionary<string, int>(1, StringComparer.Ordinal);
            forms[word] = forms.GetValueOrDefault(word) + count;
        }

        /// <summary>Writes every word with its forms' counts, likeliest first (a lower-case word with its count only), sorted (reproducible).</summary>
        public void Write(Stream output)
        {
            using var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
            using var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" };
            writer.WriteLine("# annalist truecase v1: lower-case word, then form=count, likeliest first");
            foreach (var (key, forms) in ByWord.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var ordered = forms.OrderByDescending(f => f.Value).ThenBy(f => f.Key == key ? 0 : 1).ThenBy(f => f.Key, StringComparer.Ordinal).ToList();
                writer.Write(key);
                foreach (var (form, count) in ordered)
                {
                    if (form == key && ordered[0].Key != key) continue;
                    writer.Write('\t');
                    writer.Write(form);
                    writer.Write('=');
                    writer.Write(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
                writer.Write('\n');
            }
        }
    }

    /// <summary>Reads a model written by <see cref="Counts.Write"/> (gzip); malformed lines are skipped.</summary>
    public static TruecaseModel Read(Stream compressed)
    {
        using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var forms = new Dictionary<string, string>(StringComparer.Ordinal);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            int tab = line.IndexOf('\t');
            if (tab <= 0) continue;
            int equals = line.IndexOf('=', tab + 1);
            if (equals < 0) continue;
            string key = line[..tab];
            string form = line[(tab + 1)..equals];
            if (form.Length == key.Length) forms[key] = form;
        }
        return new TruecaseModel(forms);
    }

    private static TruecaseModel LoadShipped()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource);
        return stream is null ? Empty : Read(stream);
    }

    /// <summary>Whether <paramref name="word"/> has a letter.</summary>
    public static bool HasLetter(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
        {
            if (char.IsLetter(c)) return true;
        }
        return false;
    }

    private static bool IsAllUpper(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
        {
            if (char.IsLower(c)) return false;
        }
        return true;
    }
}
