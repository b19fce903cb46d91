using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Annalist.Core.Entities.Tagging;

/// <summary>
/// Brown word clusters: a binary hierarchy over words built by merging, bottom-up, the two classes whose
/// merge loses the least of the mutual information between adjacent classes of a text (Brown et al. 1992,
/// with Liang's 2005 windowed approximation). Each word's path from the root is a bit string; its prefixes
/// are classes of every grain (4 bits: a few coarse kinds of word; 20 bits: near-synonyms), so the tagger
/// learns from a labeled name what to make of words used alike it never saw labeled. Paths are kept to
/// <see cref="MaxPathLength"/> bits. Immutable and thread-safe once built.
/// </summary>
public sealed class BrownClusters
{
    /// <summary>The longest path kept (the longest prefix the tagger reads).</summary>
    public const int MaxPathLength = 20;

    private const int MaxWordLength = 64;

    private readonly Dictionary<string, uint> _paths;
    private readonly Dictionary<string, uint>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <param name="paths">Word → path, packed by <see cref="Pack"/>.</param>
    public BrownClusters(IReadOnlyDictionary<string, uint> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        _paths = new Dictionary<string, uint>(paths, StringComparer.Ordinal);
        _lookup = _paths.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>No clusters: no word has a path.</summary>
    public static BrownClusters Empty { get; } = new(new Dictionary<string, uint>());

    public int Count => _paths.Count;

    /// <summary>The words and their packed paths, sorted by word (for writing).</summary>
    public IEnumerable<KeyValuePair<string, uint>> Entries => _paths.OrderBy(p => p.Key, StringComparer.Ordinal);

    /// <summary>A path of <paramref name="length"/> ≤ <see cref="MaxPathLength"/> bits, the first bit highest: bits in the low 24 bits, length in the top 8.</summary>
    public static uint Pack(uint bits, int length) => ((uint)length << 24) | (bits & 0xFFFFFF);

    /// <summary>The first <paramref name="prefix"/> bits of a packed path, packed (the whole path when it is shorter).</summary>
    public static uint Prefix(uint packed, int prefix)
    {
        int length = (int)(packed >> 24);
        if (length <= prefix) return packed;
        return Pack((packed & 0xFFFFFF) >> (length - prefix), prefix);
    }

    /// <summary>
    /// The packed path of <paramref name="word"/>: as written, else (for a word in capitals, as OCR'd headlines
    /// and telegrams write names) its title-case form, else its lower-case form. False for a word the text never had.
    /// </summary>
    public bool TryGetPath(ReadOnlySpan<char> word, out uint packed)
    {
        packed = 0;
        if (_paths.Count == 0 || word.Length == 0) return false;
        if (word.Length > MaxWordLength) word = word[..MaxWordLength];
        if (_lookup.TryGetValue(word, out packed)) return true;
        Span<char> buffer = stackalloc char[MaxWordLength];
        int length = word.ToLowerInvariant(buffer);
        if (length != word.Length || word.SequenceEqual(buffer[..length])) return false;
        if (char.IsUpper(word[0]) && word.Length > 1 && char.IsUpper(word[1]))
        {
            buffer[0] = word[0];
            if (_lookup.TryGetValue(buffer[..length], out packed)) return true;
            buffer[0] = char.ToLowerInvariant(word[0]);
        }
        return _lookup.TryGetValue(buffer[..length], out packed);
    }

    /// <summary>Options of <see cref="Build"/>.</summary>
    public sealed record Options
    {
        /// <summary>Classes kept in the window while words are added, and leaves of the final hierarchy.</summary>
        public int Clusters { get; init; } = 256;

        /// <summary>Words seen fewer times than this get no path.</summary>
        public int MinimumCount { get; init; } = 3;

        /// <summary>At most this many words (the most frequent) get paths.</summary>
        public int MaxWords { get; init; } = 40_000;
    }

    /// <summary>Clusters the words of <paramref name="sentences"/> (case kept). Deterministic for the same text and options.</summary>
    public static BrownClusters Build(IEnumerable<IReadOnlyList<string>> sentences, Options? options = null)
    {
        options ??= new Options();
        var all = sentences as IReadOnlyList<IReadOnlyList<string>> ?? [.. sentences];
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        long total = 0;
        foreach (var sentence in all)
        {
            foreach (string word in sentence)
            {
                counts[word] = counts.GetValueOrDefault(word) + 1;
                total++;
            }
        }
        var words = counts.Where(p => p.Value >= options.MinimumCount)
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(options.MaxWords).Select(p => p.Key).ToArray();
        if (words.Length == 0) return Empty;
        var index = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        for (int i = 0; i < words.Length; i++) index[words[i]] = i;
        var bigrams = new Dictionary<long, int>();
        foreach (var sentence in all)
        {
            for (int k = 0; k + 1 < sentence.Count; k++)
            {
                if (index.TryGetValue(sentence[k], out int left) && index.TryGetValue(sentence[k + 1], out int right))
                {
                    long key = ((long)left << 32) | (uint)right;
                    bigrams[key] = bigrams.GetValueOrDefault(key) + 1;
                }
            }
        }
        var unigrams = words.Select(w => (double)counts[w]).ToArray();
        var merger = new Merger(words.Length, Math.Max(2, options.Clusters), unigrams, total, bigrams);
        var leafOf = merger.Run();
        var table = new Dictionary<string, uint>(words.Length, StringComparer.Ordinal);
        for (int i = 0; i < words.Length; i++) table[words[i]] = leafOf[i];
        return new BrownClusters(table);
    }

    /// <summary>Writes <c>path TAB word</c> lines (paths as 0/1 strings, as Liang's tool writes them), sorted by word, gzip'd.</summary>
    public void Write(Stream output)
    {
        using var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        foreach (var (word, packed) in Entries) writer.WriteLine($"{PathString(packed)}\t{word}");
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    /// <exception cref="InvalidDataException">A line is not a path and a word.</exception>
    public static BrownClusters Read(Stream input)
    {
        using var gzip = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var table = new Dictionary<string, uint>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            int tab = line.IndexOf('\t');
            if (tab <= 0 || tab > MaxPathLength || tab == line.Length - 1 || !TryParsePath(line.AsSpan(0, tab), out uint packed))
                throw new InvalidDataException("Not a Brown cluster line: " + line);
            table[line[(tab + 1)..]] = packed;
        }
        return new BrownClusters(table);
    }

    /// <summary>The 0/1 string of a packed path.</summary>
    public static string PathString(uint packed)
    {
        int length = (int)(packed >> 24);
        var chars = new char[length];
        for (int i = 0; i < length; i++) chars[i] = ((packed >> (length - 1 - i)) & 1) == 1 ? '1' : '0';
        return new string(chars);
    }

    private static bool TryParsePath(ReadOnlySpan<char> text, out uint packed)
    {
        uint bits = 0;
        foreach (char c in text)
        {
            if (c is not ('0' or '1'))
            {
                packed = 0;
                return false;
            }
            bits = (bits << 1) | (uint)(c - '0');
        }
        packed = Pack(bits, text.Length);
        return true;
    }

    /// <summary>
    /// The merging itself. Words enter in order of frequency into a window of <c>C + 1</c> classes; each time
    /// the window is full the pair whose merge loses least is merged. When every word is in, the last
    /// <c>C</c> classes are merged down to one, and that hierarchy gives the paths. Losses of all pairs are
    /// kept and updated in O(1) per pair when a class enters or two merge, so each word costs O(C²).
    /// Unigram counts serve as the classes' marginals, so a word's entry leaves other classes' marginals as they were.
    /// </summary>
    private sealed class Merger
    {
        private readonly int _words, _slots;
        private readonly double[] _unigrams;
        private readonly double _logTotal;
        private readonly (int Word, int Count)[][] _right, _left;
        private readonly double[] _p, _q, _loss, _n, _logN;
        private readonly int[] _clusterOfWord, _slotOfCluster, _clusterInSlot;
        private readonly List<int>[] _membersOfCluster;
        private int _active;
        private static readonly double[] LogTable = BuildLogTable();

        public Merger(int words, int clusters, double[] unigrams, long total, Dictionary<long, int> bigrams)
        {
            _words = words;
            _slots = clusters + 1;
            _unigrams = unigrams;
            _logTotal = Math.Log(Math.Max(1, total));
            var right = new List<(int, int)>[words];
            var left = new List<(int, int)>[words];
            for (int i = 0; i < words; i++)
            {
                right[i] = [];
                left[i] = [];
            }
            foreach (var (key, count) in bigrams.OrderBy(p => p.Key))
            {
                int a = (int)(key >> 32), b = (int)(uint)key;
                right[a].Add((b, count));
                left[b].Add((a, count));
            }
            _right = [.. right.Select(l => l.ToArray())];
            _left = [.. left.Select(l => l.ToArray())];
            _p = new double[_slots * _slots];
            _q = new double[_slots * _slots];
            _loss = new double[_slots * _slots];
            _n = new double[_slots];
            _logN = new double[_slots];
            _clusterOfWord = new int[words];
            Array.Fill(_clusterOfWord, -1);
            // Cluster ids: one per word (a word enters as its own cluster), then one per merge of the final phase.
            _slotOfCluster = new int[2 * words + 1];
            _clusterInSlot = new int[_slots];
            _membersOfCluster = new List<int>[words];
        }

        private static double[] BuildLogTable()
        {
            var table = new double[1 << 16];
            for (int i = 1; i < table.Length; i++) table[i] = Math.Log(i);
            return table;
        }

        private static double LogCount(double n) => n < LogTable.Length ? LogTable[(int)n] : Math.Log(n);

        /// <summary>The mutual-information term of <paramref name="count"/> bigrams between classes of unigram counts with logs <paramref name="logA"/>, <paramref name="logB"/>.</summary>
        private double Q(double count, double logA, double logB) => count <= 0 ? 0 : count * (LogCount(count) + _logTotal - logA - logB);

        private int P(int a, int b) => a * _slots + b;

        private ref double Loss(int a, int b) => ref _loss[a < b ? a * _slots + b : b * _slots + a];

        public uint[] Run()
        {
            for (int w = 0; w < _words; w++)
            {
                Add(w);
                if (_active == _slots) Merge(BestPair(), record: null);
            }
            // Final phase: merge the window down to one class, recording the tree.
            var leafOfWord = (int[])_clusterOfWord.Clone();
            int next = _words;
            var parent = new int[2 * _words + 1];
            var bit = new byte[2 * _words + 1];
            Array.Fill(parent, -1);
            while (_active > 1)
            {
                var (a, b) = BestPair();
                int left = _clusterInSlot[a], right = _clusterInSlot[b];
                int node = next++;
                parent[left] = node;
                parent[right] = node;
                bit[left] = 0;
                bit[right] = 1;
                Merge((a, b), record: node);
            }
            var paths = new uint[_words];
            var pathOfCluster = new Dictionary<int, uint>();
            for (int w = 0; w < _words; w++)
            {
                int leaf = leafOfWord[w];
                if (!pathOfCluster.TryGetValue(leaf, out uint packed))
                {
                    var steps = new List<byte>();
                    for (int node = leaf; parent[node] >= 0; node = parent[node]) steps.Add(bit[node]);
                    steps.Reverse();
                    uint bits = 0;
                    int length = Math.Min(MaxPathLength, steps.Count);
                    for (int i = 0; i < length; i++) bits = (bits << 1) | steps[i];
                    packed = pathOfCluster[leaf] = Pack(bits, length);
                }
                paths[w] = packed;
            }
            return paths;
        }

        private void Add(int word)
        {
            int s = _active++;
            _clusterOfWord[word] = word;
            _membersOfCluster[word] = [word];
            _slotOfCluster[word] = s;
            _clusterInSlot[s] = word;
            _n[s] = _unigrams[word];
            _logN[s] = Math.Log(_n[s]);
            for (int x = 0; x < _slots; x++)
            {
                _p[P(s, x)] = _p[P(x, s)] = 0;
                _q[P(s, x)] = _q[P(x, s)] = 0;
                _loss[P(s, x)] = _loss[P(x, s)] = 0;
            }
            foreach (var (other, count) in _right[word])
            {
                if (_clusterOfWord[other] < 0) continue;
                _p[P(s, _slotOfCluster[_clusterOfWord[other]])] += count;
            }
            foreach (var (other, count) in _left[word])
            {
                if (_clusterOfWord[other] < 0 || other == word) continue;
                _p[P(_slotOfCluster[_clusterOfWord[other]], s)] += count;
            }
            for (int x = 0; x <= s; x++)
            {
                _q[P(s, x)] = Q(_p[P(s, x)], _logN[s], _logN[x]);
                _q[P(x, s)] = Q(_p[P(x, s)], _logN[x], _logN[s]);
            }
            // Every pair's loss gains the terms of the new class.
            for (int c = 0; c < s; c++)
            {
                for (int d = c + 1; d < s; d++)
                {
                    double logCd = Math.Log(_n[c] + _n[d]);
                    Loss(c, d) += _q[P(c, s)] + _q[P(s, c)] + _q[P(d, s)] + _q[P(s, d)]
                        - Q(_p[P(c, s)] + _p[P(d, s)], logCd, _logN[s]) - Q(_p[P(s, c)] + _p[P(s, d)], _logN[s], logCd);
                }
            }
            for (int c = 0; c < s; c++) Loss(c, s) = FullLoss(c, s);
        }

        /// <summary>The mutual information lost by merging the classes in slots <paramref name="a"/> and <paramref name="b"/>.</summary>
        private double FullLoss(int a, int b)
        {
            double logM = Math.Log(_n[a] + _n[b]);
            double before = _q[P(a, a)] + _q[P(a, b)] + _q[P(b, a)] + _q[P(b, b)];
            double after = Q(_p[P(a, a)] + _p[P(a, b)] + _p[P(b, a)] + _p[P(b, b)], logM, logM);
            for (int x = 0; x < _active; x++)
            {
                if (x == a || x == b) continue;
                before += _q[P(a, x)] + _q[P(x, a)] + _q[P(b, x)] + _q[P(x, b)];
                after += Q(_p[P(a, x)] + _p[P(b, x)], logM, _logN[x]) + Q(_p[P(x, a)] + _p[P(x, b)], _logN[x], logM);
            }
            return before - after;
        }

        private (int A, int B) BestPair()
        {
            double best = double.PositiveInfinity;
            (int, int) pair = (0, 1);
            for (int a = 0; a < _active; a++)
            {
                for (int b = a + 1; b < _active; b++)
                {
                    double loss = _loss[a * _slots + b];
                    if (loss < best)
                    {
                        best = loss;
                        pair = (a, b);
                    }
                }
            }
            return pair;
        }

        /// <summary>Merges slot <paramref name="pair"/>.B into .A (as cluster <paramref name="record"/> when given), then moves the last slot into B's place.</summary>
        private void Merge((int A, int B) pair, int? record)
        {
            var (a, b) = pair;
            double nM = _n[a] + _n[b], logM = Math.Log(nM);
            // New terms of the merged class with every other class.
            var qToM = new double[_slots];
            var qFromM = new double[_slots];
            for (int x = 0; x < _active; x++)
            {
                if (x == a || x == b) continue;
                qToM[x] = Q(_p[P(x, a)] + _p[P(x, b)], _logN[x], logM);
                qFromM[x] = Q(_p[P(a, x)] + _p[P(b, x)], logM, _logN[x]);
            }
            for (int c = 0; c < _active; c++)
            {
                if (c == a || c == b) continue;
                for (int d = c + 1; d < _active; d++)
                {
                    if (d == a || d == b) continue;
                    double logCd = Math.Log(_n[c] + _n[d]);
                    double old = _q[P(c, a)] + _q[P(a, c)] + _q[P(d, a)] + _q[P(a, d)]
                        - Q(_p[P(c, a)] + _p[P(d, a)], logCd, _logN[a]) - Q(_p[P(a, c)] + _p[P(a, d)], _logN[a], logCd)
                        + _q[P(c, b)] + _q[P(b, c)] + _q[P(d, b)] + _q[P(b, d)]
                        - Q(_p[P(c, b)] + _p[P(d, b)], logCd, _logN[b]) - Q(_p[P(b, c)] + _p[P(b, d)], _logN[b], logCd);
                    double merged = qToM[c] + qFromM[c] + qToM[d] + qFromM[d]
                        - Q(_p[P(c, a)] + _p[P(c, b)] + _p[P(d, a)] + _p[P(d, b)], logCd, logM)
                        - Q(_p[P(a, c)] + _p[P(b, c)] + _p[P(a, d)] + _p[P(b, d)], logM, logCd);
                    _loss[c * _slots + d] += merged - old;
                }
            }
            double self = _p[P(a, a)] + _p[P(a, b)] + _p[P(b, a)] + _p[P(b, b)];
            for (int x = 0; x < _active; x++)
            {
                if (x == a || x == b) continue;
                _p[P(a, x)] += _p[P(b, x)];
                _p[P(x, a)] += _p[P(x, b)];
                _q[P(a, x)] = qFromM[x];
                _q[P(x, a)] = qToM[x];
            }
            _p[P(a, a)] = self;
            _n[a] = nM;
            _logN[a] = logM;
            _q[P(a, a)] = Q(self, logM, logM);

            int clusterA = _clusterInSlot[a], clusterB = _clusterInSlot[b];
            if (record is { } node)
            {
                _slotOfCluster[node] = a;
                _clusterInSlot[a] = node;
            }
            else
            {
                // Words join the larger member list; its cluster id goes on.
                var membersA = _membersOfCluster[clusterA];
                var membersB = _membersOfCluster[clusterB];
                int keep = membersA.Count >= membersB.Count ? clusterA : clusterB, drop = keep == clusterA ? clusterB : clusterA;
                foreach (int w in _membersOfCluster[drop]) _clusterOfWord[w] = keep;
                _membersOfCluster[keep].AddRange(_membersOfCluster[drop]);
                _membersOfCluster[drop] = null!;
                _slotOfCluster[keep] = a;
                _clusterInSlot[a] = keep;
            }

            int last = _active - 1;
            if (b != last)
            {
                for (int x = 0; x < _active; x++)
                {
                    if (x == b) continue;
                    int to = x == last ? b : x;
                    _p[P(b, to)] = _p[P(last, x)];
                    _p[P(to, b)] = _p[P(x, last)];
                    _q[P(b, to)] = _q[P(last, x)];
                    _q[P(to, b)] = _q[P(x, last)];
                    if (x != b && x != last) Loss(b, x) = Loss(last, x);
                }
                _n[b] = _n[last];
                _logN[b] = _logN[last];
                _clusterInSlot[b] = _clusterInSlot[last];
                _slotOfCluster[_clusterInSlot[b]] = b;
            }
            _active--;
            for (int x = 0; x < _active; x++)
            {
                if (x != a) Loss(a, x) = FullLoss(a, x);
            }
        }
    }
}
