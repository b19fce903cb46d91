namespace Annalist.Core.Entities.Tagging;

/// <summary>Best label sequence under emission and transition scores, keeping to the valid sequences of a <see cref="LabelScheme"/>.</summary>
internal static class Viterbi
{
    /// <summary>Decodes BIO labels (<see cref="LabelScheme.Bio"/>).</summary>
    public static void Decode(ReadOnlySpan<float> emissions, int length, ReadOnlySpan<float> transitions, ReadOnlySpan<ushort> allowed, Span<byte> labels) =>
        Decode(LabelScheme.Bio, emissions, length, transitions, allowed, labels);

    /// <summary>
    /// Decodes <paramref name="length"/> tokens whose scores are rows of <see cref="LabelScheme.Count"/> in
    /// <paramref name="emissions"/>; <paramref name="allowed"/>, when given, masks the labels each token may take.
    /// A token whose mask leaves no valid path still gets a label: the best of those the scheme allows.
    /// </summary>
    public static void Decode(LabelScheme scheme, ReadOnlySpan<float> emissions, int length, ReadOnlySpan<float> transitions, ReadOnlySpan<ushort> allowed, Span<byte> labels) =>
        Decode(scheme, emissions, length, transitions, 0, allowed, labels);

    /// <summary>
    /// As above, with transitions that may differ per token: token <c>i</c> reads the (<see cref="LabelScheme.Count"/> + 1) ×
    /// <see cref="LabelScheme.Count"/> block at <c>i × transitionStride</c> of <paramref name="transitions"/> (stride 0: one block for all).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void Decode(LabelScheme scheme, ReadOnlySpan<float> emissions, int length, ReadOnlySpan<float> transitions, int transitionStride, ReadOnlySpan<ushort> allowed, Span<byte> labels)
    {
        int L = scheme.Count;
        if (length == 0) return;
        float[] best = System.Buffers.ArrayPool<float>.Shared.Rent(length * L);
        byte[] back = System.Buffers.ArrayPool<byte>.Shared.Rent(length * L);
        try
        {
            for (int y = 0; y < L; y++)
            {
                bool ok = scheme.CanFollow(-1, y) && (allowed.IsEmpty || (allowed[0] & (1 << y)) != 0);
                best[y] = ok ? emissions[y] + transitions[y] : float.NegativeInfinity;
            }
            for (int i = 1; i < length; i++)
            {
                var here = transitions[(i * transitionStride)..];
                for (int y = 0; y < L; y++)
                {
                    float top = float.NegativeInfinity;
                    int arg = 0;
                    if (allowed.IsEmpty || (allowed[i] & (1 << y)) != 0)
                    {
                        for (int p = 0; p < L; p++)
                        {
                            if (!scheme.CanFollow(p, y)) continue;
                            float s = best[(i - 1) * L + p] + here[(p + 1) * L + y];
                            if (s > top) { top = s; arg = p; }
                        }
                    }
                    best[i * L + y] = top + emissions[i * L + y];
                    back[i * L + y] = (byte)arg;
                }
            }
            int last = 0;
            float lastScore = float.NegativeInfinity;
            for (int y = 0; y < L; y++)
            {
                if (scheme.CanEnd(y) && best[(length - 1) * L + y] > lastScore) { lastScore = best[(length - 1) * L + y]; last = y; }
            }
            for (int i = length - 1; i >= 0; i--)
            {
                labels[i] = (byte)last;
                last = back[i * L + last];
            }
        }
        finally
        {
            System.Buffers.ArrayPool<float>.Shared.Return(best);
            System.Buffers.ArrayPool<byte>.Shared.Return(back);
        }
    }
}
