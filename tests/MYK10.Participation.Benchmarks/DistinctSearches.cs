namespace MYK10.Participation.Benchmarks;

/// <summary>
/// Searches that are each asked once in a run: term, area, field of action and page come from one running number, and
/// each connection walks its own share of the combinations. So no query repeats, and the page cache serves none.
/// </summary>
public sealed class DistinctSearches(int connections)
{
    public static readonly string[] Terms = ["glasfaser", "mobilitat", "Rufbus Mayen", "telemedizin", "solar", "hochwasser bendorf", "WLAN", "schule"];

    private const int Pages = 30;
    private static readonly int Areas = Seeder.Municipalities.Length + 1;
    private static readonly int Fields = Seeder.Fields.Length + 1;
    private static readonly long Combinations = (long)Terms.Length * Areas * Fields * Pages;

    private readonly long _share = Combinations / Math.Max(1, connections);
    private int _repeated;

    public string Name => $"search, a different query each time ({Terms.Length} terms × {Areas} areas × {Fields} fields × {Pages} pages; never cached)";

    /// <summary>Whether a connection went past its share, so that some queries were asked twice (and may have come from the cache).</summary>
    public bool Repeated => Volatile.Read(ref _repeated) != 0;

    /// <summary>The <paramref name="n"/>th search of connection <paramref name="worker"/>.</summary>
    public string Url(int worker, long n)
    {
        if (n >= _share)
        {
            Interlocked.Exchange(ref _repeated, 1);
        }

        var k = (worker * _share) + (n % _share);
        var term = Uri.EscapeDataString(Terms[(int)(k % Terms.Length)]);
        var area = (int)(k / Terms.Length % Areas);
        var field = (int)(k / Terms.Length / Areas % Fields);
        var page = 1 + (k / Terms.Length / Areas / Fields % Pages);
        var url = $"/ideen?q={term}&seite={page}";
        url += area < Seeder.Municipalities.Length ? $"&gemeinde={Seeder.Municipalities[area]}" : string.Empty;
        return url + (field < Seeder.Fields.Length ? $"&feld={Seeder.Fields[field]}" : string.Empty);
    }
}
