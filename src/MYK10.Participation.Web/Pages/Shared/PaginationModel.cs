namespace MYK10.Participation.Web.Pages.Shared;

/// <summary>What the pagination partial needs: the current page, how many, and the filters every link keeps.</summary>
public sealed record PaginationModel(int Page, int PageCount, string PageName, IReadOnlyDictionary<string, string> RouteValues, string PageParameter = "seite")
{
    /// <summary>The route values of the first page: the filters, without a page number.</summary>
    public Dictionary<string, string> FirstPageValues()
    {
        var values = new Dictionary<string, string>(RouteValues, StringComparer.Ordinal);
        values.Remove(PageParameter);
        return values;
    }

    /// <summary>
    /// The link to <paramref name="page"/>, given the generated link to the first page: the page parameter is the last of
    /// the query, so one generated link serves every number.
    /// </summary>
    public string Href(string firstPage, int page) => page <= 1
        ? firstPage
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{firstPage}{(firstPage.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{PageParameter}={page}");

    /// <summary>The page numbers to show: first, last, and two either side of the current one.</summary>
    public IEnumerable<int?> Window()
    {
        int? previous = null;
        foreach (var page in Enumerable.Range(1, PageCount).Where(p => p == 1 || p == PageCount || Math.Abs(p - Page) <= 2))
        {
            if (previous is not null && page - previous > 1)
            {
                yield return null;
            }

            yield return page;
            previous = page;
        }
    }
}
