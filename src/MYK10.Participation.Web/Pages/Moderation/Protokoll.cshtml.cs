using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MYK10.Participation.Moderation;
using MYK10.Participation.Web.Pages.Shared;

namespace MYK10.Participation.Web.Pages.Moderation;

public sealed class ProtokollModel(ModerationStore moderation) : PageModel
{
    public static readonly IReadOnlyList<string> Actions =
        ["publish", "edit", "reject", "merge", "answer", "dismiss_reports", "hide_idea", "hide_comment"];

    [FromQuery(Name = "aktion")]
    public string? Action { get; set; }

    [FromQuery(Name = "person")]
    public string? Staff { get; set; }

    [FromQuery(Name = "idee")]
    public long? IdeaId { get; set; }

    [FromQuery(Name = "seite")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public IReadOnlyList<string> StaffEmails { get; private set; } = [];

    public QueueSummary Summary { get; private set; } = new(0, null, 0);

    public PaginationModel Pagination { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        const int pageSize = 50;
        Summary = await moderation.SummaryAsync(cancellationToken);
        StaffEmails = await moderation.AuditStaffAsync();
        var (entries, total) = await moderation.AuditAsync(new AuditQuery(
            Actions.Contains(Action) ? Action : null, string.IsNullOrEmpty(Staff) ? null : Staff, IdeaId, Math.Max(1, PageNumber), pageSize), cancellationToken);
        Entries = entries;
        var routeValues = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(Action))
        {
            routeValues["aktion"] = Action;
        }

        if (!string.IsNullOrEmpty(Staff))
        {
            routeValues["person"] = Staff;
        }

        if (IdeaId is { } idea)
        {
            routeValues["idee"] = idea.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        Pagination = new PaginationModel(Math.Max(1, PageNumber), (int)Math.Max(1, (total + pageSize - 1) / pageSize), "/Moderation/Protokoll", routeValues);
    }
}
