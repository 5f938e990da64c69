using System.Numerics;

namespace MYK10.Participation.Ballots;

/// <summary>
/// An exact rational number. Equal Shares compares prices that are often equal in theory (1/3 against 2/6);
/// with floating point the last bit would decide ties, with fractions the published tie rule does.
/// </summary>
public readonly struct Fraction : IEquatable<Fraction>, IComparable<Fraction>
{
    public Fraction(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException("A fraction needs a non-zero denominator.");
        }

        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!gcd.IsZero && !gcd.IsOne)
        {
            numerator /= gcd;
            denominator /= gcd;
        }

        Numerator = numerator;
        _denominator = denominator;
    }

    private readonly BigInteger _denominator;

    public BigInteger Numerator { get; }

    /// <summary>Always positive; a <c>default(Fraction)</c> is zero with denominator one.</summary>
    public BigInteger Denominator => _denominator.IsZero ? BigInteger.One : _denominator;

    public static Fraction Zero => new(0, 1);

    public static implicit operator Fraction(long value) => new(value, 1);

    public static Fraction operator +(Fraction a, Fraction b) =>
        new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Fraction operator -(Fraction a, Fraction b) =>
        new(a.Numerator * b.Denominator - b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Fraction operator *(Fraction a, Fraction b) => new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Fraction operator /(Fraction a, Fraction b) => new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public static bool operator <(Fraction a, Fraction b) => a.CompareTo(b) < 0;

    public static bool operator >(Fraction a, Fraction b) => a.CompareTo(b) > 0;

    public static bool operator <=(Fraction a, Fraction b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Fraction a, Fraction b) => a.CompareTo(b) >= 0;

    public static bool operator ==(Fraction a, Fraction b) => a.Equals(b);

    public static bool operator !=(Fraction a, Fraction b) => !a.Equals(b);

    public static Fraction Min(Fraction a, Fraction b) => a <= b ? a : b;

    public int CompareTo(Fraction other) => Denominator == other.Denominator
        ? Numerator.CompareTo(other.Numerator)
        : (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    public bool Equals(Fraction other) => Numerator == other.Numerator && Denominator == other.Denominator;

    public override bool Equals(object? obj) => obj is Fraction other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    public override string ToString() => Denominator.IsOne ? Numerator.ToString() : $"{Numerator}/{Denominator}";

    public decimal ToDecimal() => (decimal)Numerator / (decimal)Denominator;

    /// <summary>The nearest double, also when numerator and denominator are each too large for a double.</summary>
    public double ToDouble()
    {
        var shift = (int)Math.Max(0, Math.Max(Numerator.GetBitLength(), Denominator.GetBitLength()) - 1000);
        return (double)(Numerator >> shift) / (double)(Denominator >> shift);
    }
}
