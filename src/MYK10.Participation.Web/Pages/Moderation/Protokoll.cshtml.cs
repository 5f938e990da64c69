using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Moderation;
using MYK10.Participation.Reference;
using MYK10.Participation.Web.Pages.Shared;

namespace MYK10.Participation.Web.Pages.Moderation;

public sealed class ProtokollModel(
    ModerationStore moderation,
    ReferenceStore reference,
    IStringLocalizer<ModerationResource> text,
    IStringLocalizer<IdeasResource> ideaText,
    IStringLocalizer<SharedResource> shared) : PageModel
{
    private IReadOnlyDictionary<string, string> _fields = new Dictionary<string, string>();
    private IReadOnlyDictionary<string, string> _municipalities = new Dictionary<string, string>();

    public static readonly IReadOnlyList<string> Actions =
        ["publish", "edit", "reject", "merge", "answer", "dismiss_reports", "hide_idea", "hide_comment", "restore_idea", "restore_comment"];

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
        _fields = (await reference.FieldsOfActionAsync()).ToDictionary(f => f.Id, f => shared.FieldOfAction(f.Id, f.Name), StringComparer.Ordinal);
        _municipalities = (await reference.MunicipalitiesAsync()).ToDictionary(m => m.Id, m => m.Name, StringComparer.Ordinal);
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

    /// <summary>The German name of a recorded key ("state" → "Stand"); an unknown key is shown as it is.</summary>
    public string KeyLabel(string key) => Known(text[$"Log.Key.{key}"]) ?? key;

    /// <summary>A recorded value in words: states, statuses, reasons, fields and places by their labels; other values as they are.</summary>
    /// <summary>Whether the value stands as written (a title, a text, a municipality: German), not in the log's own words.</summary>
    public static bool IsWritten(AuditValue value) =>
        !string.IsNullOrEmpty(value.Value) && value.Key is not ("state" or "status" or "reason" or "field" or "mergedInto" or "hiddenBy");

    public string ValueText(AuditValue value) => value switch
    {
        // An answer without measures records an empty list: "none", like a value that was never set.
        { Value: null or "" } => text["Log.NoValue"],
        { Key: "state" } => Known(text[$"Log.State.{value.Value}"]) ?? Known(ideaText[$"Status.{value.Value}"]) ?? value.Value,
        { Key: "status" } => Known(ideaText[$"Status.{value.Value}"]) ?? value.Value,
        { Key: "reason" } => Known(text[$"Reject.Reason.{value.Value}"]) ?? value.Value,
        { Key: "field" } => _fields.GetValueOrDefault(value.Value, value.Value),
        { Key: "municipality" } => _municipalities.GetValueOrDefault(value.Value, value.Value),
        { Key: "mergedInto" } => text["Log.IdeaRef", value.Value],
        { Key: "hiddenBy" } => Known(text[$"Log.HiddenBy.{value.Value}"]) ?? value.Value,
        _ => value.Value,
    };

    private static string? Known(LocalizedString label) => label.ResourceNotFound ? null : label.Value;
}
