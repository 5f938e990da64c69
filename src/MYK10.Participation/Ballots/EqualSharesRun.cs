namespace MYK10.Participation.Ballots;

/// <summary>
/// The money of the voters during one run of <see cref="EqualShares"/>, kept per class of voters who paid for the same
/// options: exactly, as a double for quick comparisons, and as a <see cref="Line"/> of the virtual budget.
/// </summary>
internal sealed class EqualSharesRun
{
    /// <summary>Relative difference below which doubles do not decide: far above their rounding, far below real differences.</summary>
    internal const double Tolerance = 1e-9;

    private readonly IReadOnlyList<TallyOption> _options;
    private readonly List<int>[] _approvers;
    private readonly int[] _voterClass;
    private readonly List<Fraction> _money;
    private readonly List<double> _approximate;
    private readonly List<Line> _line;
    private readonly List<int> _count;
    private readonly List<int> _touched = [];
    private int? _empty;

    public EqualSharesRun(int voters, IReadOnlyList<TallyOption> options, List<int>[] approvers, long budget)
    {
        _options = options;
        _approvers = approvers;
        _voterClass = new int[voters];
        _money = voters == 0 ? [] : [new Fraction(budget, voters)];
        _approximate = voters == 0 ? [] : [(double)budget / voters];
        _line = voters == 0 ? [] : [Line.Money(voters)];
        _count = voters == 0 ? [] : [0];
        Certificate = new SameBelow(budget);
    }

    public SameBelow Certificate { get; }

    /// <summary>The price each supporter of the option would pay, or null when they cannot afford it together.</summary>
    public (double Approximate, Line Line)? Price(int option)
    {
        var cost = (double)Cost(option);
        CountClasses(option);
        var behind = 0.0;
        foreach (var c in _touched)
        {
            behind += _count[c] * _approximate[c];
        }

        var affordable = behind > cost * (1 + Tolerance)
                         || (behind >= cost * (1 - Tolerance) && _touched.Aggregate(Fraction.Zero, (sum, c) => sum + _money[c] * _count[c]) >= Cost(option));
        (double, Line)? price = null;
        if (affordable)
        {
            // Near-equal amounts may be walked in either order: whoever pays in full or the price, the price is the same.
            _touched.Sort((a, b) => _approximate[a].CompareTo(_approximate[b]));
            var paid = 0.0;
            long payers = _approvers[option].Count;
            var paidInFull = Line.Constant(0);
            var share = cost / payers;
            foreach (var c in _touched)
            {
                share = (cost - paid) / payers;
                if (share <= _approximate[c] || payers == _count[c])
                {
                    break;
                }

                paid += _count[c] * _approximate[c];
                payers -= _count[c];
                paidInFull += _line[c] * _count[c];
            }

            price = (share, payers == _approvers[option].Count
                ? Line.Share(Cost(option), payers)
                : (Line.Constant(cost) - paidInFull) * (1.0 / payers));
        }

        ClearCounts();
        return price;
    }

    /// <summary>The money the option's supporters hold together, as a line.</summary>
    public Line Behind(int option)
    {
        CountClasses(option);
        var behind = Line.Constant(0);
        foreach (var c in _touched)
        {
            behind += _line[c] * _count[c];
        }

        ClearCounts();
        return behind;
    }

    /// <summary>The exact price of an affordable option: the supporters with less pay all they have, the others equal shares.</summary>
    public Fraction ExactPrice(int option)
    {
        CountClasses(option);
        _touched.Sort(ByMoney);
        var price = PriceAt(option, PaidInFullByDoubles(option)) ?? ExactWalk(option);
        ClearCounts();
        return price;
    }

    /// <summary>How many of the (sorted) classes pay all they have, as the doubles see it.</summary>
    private int PaidInFullByDoubles(int option)
    {
        var cost = (double)Cost(option);
        var paid = 0.0;
        long payers = _approvers[option].Count;
        for (var k = 0; k < _touched.Count; k++)
        {
            var c = _touched[k];
            if ((cost - paid) / payers <= _approximate[c] || payers == _count[c])
            {
                return k;
            }

            paid += _count[c] * _approximate[c];
            payers -= _count[c];
        }

        return _touched.Count - 1;
    }

    /// <summary>
    /// The exact price when the first <paramref name="k"/> classes pay in full, or null when that is not the split: the
    /// price must lie above the money of the last of them and not above that of the next (shares rise along the walk,
    /// so this is the walk's own stopping point).
    /// </summary>
    private Fraction? PriceAt(int option, int k)
    {
        var paid = Fraction.Zero;
        long payers = _approvers[option].Count;
        for (var j = 0; j < k; j++)
        {
            paid += _money[_touched[j]] * _count[_touched[j]];
            payers -= _count[_touched[j]];
        }

        var share = ((Fraction)Cost(option) - paid) / payers;
        return (k == 0 || _money[_touched[k - 1]] < share) && share <= _money[_touched[k]] ? share : null;
    }

    /// <summary>The exact walk over the sorted classes: the supporters with less pay all they have, the others equal shares.</summary>
    private Fraction ExactWalk(int option)
    {
        var cost = (Fraction)Cost(option);
        var paid = Fraction.Zero;
        long payers = _approvers[option].Count;
        var share = cost / payers;
        foreach (var c in _touched)
        {
            share = (cost - paid) / payers;
            if (share <= _money[c])
            {
                break;
            }

            paid += _money[c] * _count[c];
            payers -= _count[c];
        }

        return share;
    }

    /// <summary>The option's supporters pay the price (all they have, when that is less): each class they were in splits off a new one.</summary>
    public void Pay(int option, Fraction price, Line priceLine)
    {
        var after = new int[_money.Count];
        var approximatePrice = price.ToDouble();
        foreach (var voter in _approvers[option])
        {
            var before = _voterClass[voter];
            var next = after[before] - 1;
            if (next < 0)
            {
                // Who pays in full and who pays the price must stay so, else the price would follow another formula.
                var paysInFull = Apart(_approximate[before], approximatePrice) ? _approximate[before] < approximatePrice : _money[before] <= price;
                Certificate.Require(paysInFull ? priceLine - _line[before] : _line[before] - priceLine);
                next = paysInFull ? EmptyClass() : NewClass(_money[before] - price, _line[before] - priceLine);
                after[before] = next + 1;
            }

            _voterClass[voter] = next;
        }
    }

    private long Cost(int option) => _options[option].Cost ?? 0;

    private int NewClass(Fraction money, Line line)
    {
        _money.Add(money);
        _approximate.Add(money.ToDouble());
        _line.Add(line);
        _count.Add(0);
        return _money.Count - 1;
    }

    /// <summary>All voters who have spent everything are alike from then on: one class holds them all.</summary>
    private int EmptyClass() => _empty ??= NewClass(Fraction.Zero, Line.Constant(0));

    // Sorting by the double first and deciding only near-ties exactly keeps the order exact and the sort cheap.
    private int ByMoney(int a, int b) =>
        Apart(_approximate[a], _approximate[b]) ? _approximate[a].CompareTo(_approximate[b]) : _money[a].CompareTo(_money[b]);

    private static bool Apart(double x, double y) => Math.Abs(x - y) > Tolerance * Math.Max(Math.Abs(x), Math.Abs(y));

    private void CountClasses(int option)
    {
        foreach (var voter in _approvers[option])
        {
            var c = _voterClass[voter];
            if (_count[c]++ == 0)
            {
                _touched.Add(c);
            }
        }
    }

    private void ClearCounts()
    {
        foreach (var c in _touched)
        {
            _count[c] = 0;
        }

        _touched.Clear();
    }
}
