using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using MYK10.Participation.Ballots;
using MYK10.Participation.Reference;
using MYK10.Participation.Web.Hosting;
using MYK10.Participation.Web.Pages.Shared;

namespace MYK10.Participation.Web.Pages.Abstimmungen;

[OutputCache(PolicyName = PageCache.PolicyName)]
public sealed class ErgebnisModel(VoteStore votes, BallotList ballotList, ReferenceStore reference, TimeProvider clock) : PageModel
{
    /// <summary>The page of the ballot list (query <c>?stimmzettel=</c>).</summary>
    [FromQuery(Name = "stimmzettel")]
    public int BallotPageNumber { get; set; } = 1;

    public BallotPage? BallotPage { get; private set; }

    public PaginationModel BallotPagination => new(BallotPage!.Page, BallotPage.PageCount, "/Abstimmungen/Ergebnis",
        new Dictionary<string, string> { ["id"] = Vote.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "stimmzettel");

    public Vote Vote { get; private set; } = null!;

    public StoredTally? Tally { get; private set; }

    public IReadOnlyList<AnonymousBallot> Ballots { get; private set; } = [];

    public IReadOnlyList<Municipality> Municipalities { get; private set; } = [];

    public bool Visible { get; private set; }

    public bool Closed { get; private set; }

    /// <summary>The receipt code a visitor checks (query <c>?beleg=</c>).</summary>
    [FromQuery(Name = "beleg")]
    public string? Receipt { get; set; }

    public AnonymousBallot? ReceiptBallot { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var vote = await votes.FindAsync(id, cancellationToken);
        if (vote is null || !vote.Published)
        {
            return NotFound();
        }

        Vote = vote;
        var now = clock.GetUtcNow();
        Visible = vote.ResultsVisible(now);
        Closed = vote.IsClosed(now);
        if (!Visible)
        {
            return Page();
        }

        Municipalities = await reference.MunicipalitiesAsync(cancellationToken);
        Tally = await votes.TallyAsync(id, cancellationToken);
        BallotPage = await ballotList.PageAsync(id, BallotPageNumber, cancellationToken);
        Ballots = BallotPage.Ballots;
        if (!string.IsNullOrWhiteSpace(Receipt))
        {
            Receipt = VoteStore.NormaliseReceiptCode(Receipt);
            ReceiptBallot = await ballotList.FindAsync(id, Receipt, cancellationToken);
        }

        return Page();
    }

    public string OptionTitle(long id) => Vote.Options.FirstOrDefault(o => o.Id == id)?.Title ?? "?";

    public string MunicipalityName(string id) => Municipalities.FirstOrDefault(m => m.Id == id)?.Name ?? id;

    /// <summary>The bar length of an option: Borda points, points or votes; the yes votes for yes/no/abstain.</summary>
    private long ChartValue(OptionResult option) => Vote.Method == VoteMethod.YesNoAbstain ? option.Yes : Math.Max(0, option.Score);

    /// <summary>The counted result as bars, the longest option's bar full length; chosen options ticked and dark.</summary>
    public BarChart Chart(string name)
    {
        var options = Tally!.Result.Options;
        var max = Math.Max(1, options.Select(ChartValue).DefaultIfEmpty(0).Max());
        return new BarChart(name, options.Select(option => new Bar((option.Selected ? "✓ " : "") + OptionTitle(option.OptionId),
            (decimal)ChartValue(option) / max, ChartValue(option).ToString("N0", CultureInfo.CurrentCulture), Muted: !option.Selected)).ToList());
    }
}
