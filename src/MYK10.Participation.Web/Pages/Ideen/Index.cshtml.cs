using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using MYK10.Participation.Ideas;
using MYK10.Participation.Reference;
using MYK10.Participation.Web.Hosting;
using MYK10.Participation.Web.Pages.Shared;

namespace MYK10.Participation.Web.Pages.Ideen;

/// <summary>The public list. Every filter is a query parameter, so each state has its own shareable URL.</summary>
[OutputCache(PolicyName = PageCache.PolicyName)]
public sealed class IndexModel(IdeaStore ideas, ReferenceStore reference, SharedResults shared) : PageModel
{
    public const string SortSupported = "unterstuetzung";

    [FromQuery(Name = "gemeinde")]
    public string? Municipality { get; set; }

    [FromQuery(Name = "feld")]
    public string? Field { get; set; }

    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    [FromQuery(Name = "q")]
    public string? Search { get; set; }

    [FromQuery(Name = "sortierung")]
    public string? Sort { get; set; }

    [FromQuery(Name = "seite")]
    public int PageNumber { get; set; } = 1;

    public IdeaPage Result { get; private set; } = new([], 0, 1, 20);

    public IReadOnlyList<Municipality> Municipalities { get; private set; } = [];

    public IReadOnlyList<FieldOfAction> Fields { get; private set; } = [];

    public bool Filtered => !string.IsNullOrEmpty(Municipality) || !string.IsNullOrEmpty(Field) || !string.IsNullOrEmpty(Status) || !string.IsNullOrWhiteSpace(Search);

    /// <summary>The feed of new ideas for the list's municipality and field, the filters a feed takes.</summary>
    public string FeedHref { get; private set; } = Feeds.IdeaFeed.Path;

    public PaginationModel Pagination => new(Result.Page, Result.PageCount, "/Ideen/Index", RouteValues());

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Municipalities = await reference.MunicipalitiesAsync(cancellationToken);
        Fields = await reference.FieldsOfActionAsync(cancellationToken);
        var municipality = Municipalities.Any(m => m.Id == Municipality) ? Municipality : null;
        var field = Fields.Any(f => f.Id == Field) ? Field : null;
        FeedHref = Feeds.IdeaFeed.Href(municipality, field);
        var query = new IdeaQuery(
            municipality,
            field,
            Status,
            Search,
            Sort == SortSupported ? IdeaSort.MostSupported : IdeaSort.Newest,
            Math.Max(1, PageNumber));
        Result = await shared.GetOrAddAsync(query, () => ideas.ListPublishedAsync(query, cancellationToken), ApproximateSize);
    }

    private static long ApproximateSize(IdeaPage page) => 256 + page.Items.Sum(i => 2L * (i.Title.Length + i.Body.Length) + 256);

    private Dictionary<string, string> RouteValues()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                values[key] = value;
            }
        }

        Add("gemeinde", Municipality);
        Add("feld", Field);
        Add("status", Status);
        Add("q", Search);
        Add("sortierung", Sort);
        return values;
    }
}
