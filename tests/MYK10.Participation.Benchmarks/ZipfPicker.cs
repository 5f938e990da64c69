namespace MYK10.Participation.Benchmarks;

/// <summary>
/// Picks positions 0 … count−1 with Zipf weights (position k has weight 1/(k+1)^s): the way visitors spread over the ideas
/// of a list, most of them opening what the first pages show. Deterministic for a given (worker, request) pair.
/// </summary>
internal sealed class ZipfPicker
{
    private readonly double[] _cumulative;

    public ZipfPicker(int count, double exponent = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _cumulative = new double[count];
        var sum = 0.0;
        for (var k = 0; k < count; k++)
        {
            sum += 1.0 / Math.Pow(k + 1, exponent);
            _cumulative[k] = sum;
        }

        for (var k = 0; k < count; k++)
        {
            _cumulative[k] /= sum;
        }
    }

    /// <summary>Share of all picks that fall on the first <paramref name="positions"/> positions.</summary>
    public double ShareOfFirst(int positions) => _cumulative[Math.Clamp(positions, 1, _cumulative.Length) - 1];

    public int Pick(int worker, long request)
    {
        var index = Array.BinarySearch(_cumulative, Uniform(((ulong)(uint)worker << 40) ^ (ulong)request));
        return Math.Min(index < 0 ? ~index : index, _cumulative.Length - 1);
    }

    // SplitMix64: a well-mixed number in [0, 1) from any seed.
    private static double Uniform(ulong seed)
    {
        var z = seed + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
