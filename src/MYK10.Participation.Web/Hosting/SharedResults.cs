using Microsoft.Extensions.Caching.Memory;

namespace MYK10.Participation.Web.Hosting;

/// <summary>
/// Results of the idea list and its search, kept for everyone for as long as a cached page lives. The page cache
/// serves only visitors who are not signed in; with this, a signed-in participant who searches for what many others
/// search for gets a page rendered for them, without the search being run again.
/// </summary>
/// <remarks>
/// As fresh as the page cache: at most <c>Caching:AnonymousPageSeconds</c> old (0 turns it off), and emptied by every
/// change that empties the page cache (<see cref="PageCache"/>). At most 4 MB.
/// </remarks>
public sealed class SharedResults(IConfiguration configuration) : IDisposable
{
    private readonly TimeSpan _lifetime = PageCache.Lifetime(configuration);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 4 * 1024 * 1024 });

    /// <summary>The kept result for this key (a record, compared by value), or a new one that is then kept.</summary>
    /// <param name="size">Roughly how many bytes the result holds.</param>
    public async Task<T> GetOrAddAsync<T>(object key, Func<Task<T>> compute, Func<T, long> size)
    {
        ArgumentNullException.ThrowIfNull(compute);
        ArgumentNullException.ThrowIfNull(size);
        if (_lifetime <= TimeSpan.Zero)
        {
            return await compute();
        }

        if (_cache.TryGetValue(key, out T? kept) && kept is not null)
        {
            return kept;
        }

        var result = await compute();
        _cache.Set(key, result, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = _lifetime, Size = Math.Max(1, size(result)) });
        return result;
    }

    /// <summary>Forgets every kept result.</summary>
    public void Clear() => _cache.Clear();

    public void Dispose() => _cache.Dispose();
}
