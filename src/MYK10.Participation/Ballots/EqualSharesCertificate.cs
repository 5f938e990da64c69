namespace MYK10.Participation.Ballots;

/// <summary>
/// An amount as a function of the virtual budget b near the run's own budget: <c>At + PerEuro·b</c>. While a run's
/// decisions stay the same, every amount in it is such a line: each voter's money starts at b/n, and prices and
/// what is left are sums, differences and quotients by fixed counts. The sizes add up the magnitudes of all terms,
/// which bounds the rounding of the doubles.
/// </summary>
/// <param name="Shares">Set when the amount is exactly cost ÷ this many voters (nobody paid in full), for exact ties.</param>
internal readonly record struct Line(double At, double PerEuro, double AtSize, double PerEuroSize, long? Shares = null)
{
    public static Line Money(int voters) => new(0, 1.0 / voters, 0, 1.0 / voters);

    public static Line Constant(double value) => new(value, 0, Math.Abs(value), 0);

    public static Line Share(long cost, long voters) => new((double)cost / voters, 0, (double)cost / voters, 0, voters);

    public double Value(long budget) => At + PerEuro * budget;

    public double Scale(long budget) => AtSize + PerEuroSize * budget;

    public static Line operator +(Line a, Line b) => new(a.At + b.At, a.PerEuro + b.PerEuro, a.AtSize + b.AtSize, a.PerEuroSize + b.PerEuroSize);

    public static Line operator -(Line a, Line b) => new(a.At - b.At, a.PerEuro - b.PerEuro, a.AtSize + b.AtSize, a.PerEuroSize + b.PerEuroSize);

    public static Line operator *(Line a, double factor) =>
        new(a.At * factor, a.PerEuro * factor, a.AtSize * Math.Abs(factor), a.PerEuroSize * Math.Abs(factor));
}

/// <summary>
/// The virtual budget below which a run makes the same decisions, as far as it can vouch: each decision is a sign of
/// a line, which holds up to where the line reaches zero. Near zero (a tie, or rounding) it vouches for nothing more.
/// </summary>
internal sealed class SameBelow(long budget)
{
    public double Below { get; private set; } = double.PositiveInfinity;

    /// <summary>The line must stay above zero; an exact tie decided by the fixed tie rule needs nothing.</summary>
    public void Require(Line line, bool exactTie = false)
    {
        if (exactTie)
        {
            return;
        }

        var value = line.Value(budget);
        var margin = 1e-9 * (line.Scale(budget) + 1);
        if (value <= margin)
        {
            Below = budget;
        }
        else if (line.PerEuro < 0)
        {
            Below = Math.Min(Below, budget + (value - margin) / -line.PerEuro);
        }
    }
}
