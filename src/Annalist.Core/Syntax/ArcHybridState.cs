namespace Annalist.Core.Syntax;

/// <summary>
/// The configuration of the arc-hybrid transition system over words 1..n with the root 0 at the bottom
/// of the stack. SHIFT moves the buffer's front onto the stack; LEFT makes the buffer's front the head
/// of the stack top and pops it; RIGHT makes the word below the top its head and pops it. RIGHT onto the
/// root is allowed only once the buffer is empty, so every parse ends as one tree with a single root.
/// Lives on caller-provided memory: nothing is allocated per sentence.
/// </summary>
internal ref struct ArcHybridState
{
    public const int IntsPerWord = 10;

    private readonly Span<int> _stack;
    public readonly Span<int> Heads;
    public readonly Span<int> Labels;
    public readonly Span<int> Left1;
    public readonly Span<int> Left2;
    public readonly Span<int> Right1;
    public readonly Span<int> Right2;
    public readonly Span<int> LeftCount;
    public readonly Span<int> RightCount;
    public readonly Span<int> Spare;
    public readonly Span<ulong> LeftLabels;
    public readonly Span<ulong> RightLabels;

    /// <param name="words">Number of words n (without the root).</param>
    /// <param name="ints">At least <see cref="IntsPerWord"/> × (n + 1) ints.</param>
    /// <param name="sets">At least 2 × (n + 1) ulongs.</param>
    public ArcHybridState(int words, Span<int> ints, Span<ulong> sets)
    {
        int m = words + 1;
        WordCount = words;
        _stack = ints[..m];
        Heads = ints.Slice(m, m);
        Labels = ints.Slice(2 * m, m);
        Left1 = ints.Slice(3 * m, m);
        Left2 = ints.Slice(4 * m, m);
        Right1 = ints.Slice(5 * m, m);
        Right2 = ints.Slice(6 * m, m);
        LeftCount = ints.Slice(7 * m, m);
        RightCount = ints.Slice(8 * m, m);
        Spare = ints.Slice(9 * m, m);
        LeftLabels = sets[..m];
        RightLabels = sets.Slice(m, m);
        ints[m..(IntsPerWord * m)].Clear();
        Heads.Fill(-1);
        Labels.Fill(-1);
        sets[..(2 * m)].Clear();
        _stack[0] = 0;
        StackSize = 1;
        Buffer = 1;
    }

    public readonly int WordCount;

    public int StackSize { get; private set; }

    /// <summary>The buffer's front word; n + 1 when the buffer is empty.</summary>
    public int Buffer { get; private set; }

    public readonly bool BufferEmpty => Buffer > WordCount;

    public readonly bool IsTerminal => BufferEmpty && StackSize == 1;

    /// <summary>The stack word <paramref name="depth"/> below the top (0: the top), or -1.</summary>
    public readonly int Stack(int depth) => depth < StackSize ? _stack[StackSize - 1 - depth] : -1;

    /// <summary>The buffer word <paramref name="offset"/> after the front (0: the front), or -1.</summary>
    public readonly int Input(int offset) => Buffer + offset <= WordCount ? Buffer + offset : -1;

    public readonly bool InStack(int word)
    {
        for (int i = 0; i < StackSize; i++)
        {
            if (_stack[i] == word) return true;
        }
        return false;
    }

    public readonly bool CanShift => !BufferEmpty;

    public readonly bool CanLeft => StackSize >= 2 && !BufferEmpty;

    public readonly bool CanRight => StackSize >= 3 || (StackSize == 2 && BufferEmpty);

    /// <summary>True when RIGHT would attach the top to the root.</summary>
    public readonly bool RightIsRoot => StackSize == 2;

    public void Shift() => _stack[StackSize++] = Buffer++;

    public void Left(int label)
    {
        int dependent = _stack[--StackSize];
        AddArc(Buffer, dependent, label);
    }

    public void Right(int label)
    {
        int dependent = _stack[--StackSize];
        AddArc(_stack[StackSize - 1], dependent, label);
    }

    private void AddArc(int head, int dependent, int label)
    {
        Heads[dependent] = head;
        Labels[dependent] = label;
        if (dependent < head)
        {
            if (Left1[head] == 0 || dependent < Left1[head])
            {
                Left2[head] = Left1[head];
                Left1[head] = dependent;
            }
            else if (Left2[head] == 0 || dependent < Left2[head]) Left2[head] = dependent;
            LeftCount[head]++;
            LeftLabels[head] |= 1UL << (label & 63);
        }
        else
        {
            if (Right1[head] == 0 || dependent > Right1[head])
            {
                Right2[head] = Right1[head];
                Right1[head] = dependent;
            }
            else if (Right2[head] == 0 || dependent > Right2[head]) Right2[head] = dependent;
            RightCount[head]++;
            RightLabels[head] |= 1UL << (label & 63);
        }
    }
}
