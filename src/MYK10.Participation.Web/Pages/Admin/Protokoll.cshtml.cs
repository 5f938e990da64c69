using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Administration;
using MYK10.Participation.Moderation;
using MYK10.Participation.Time;
using MYK10.Participation.Web.Hosting;
using MYK10.Participation.Web.Pages.Shared;

namespace MYK10.Participation.Web.Pages.Admin;

/// <summary>The admin log: who changed what in the administration, newest first.</summary>
public sealed class ProtokollModel(AdminLogStore log, IStringLocalizer<AdminLogResource> text, IStringLocalizer<StrategyResource> strategyText) : PageModel
{
    private const int PageSize = 50;

    [FromQuery(Name = "art")]
    public string? TargetType { get; set; }

    [FromQuery(Name = "person")]
    public string? Staff { get; set; }

    [FromQuery(Name = "seite")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AdminLogEntry> Entries { get; private set; } = [];

    public IReadOnlyList<string> StaffEmails { get; private set; } = [];

    public PaginationModel Pagination { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var targetType = AdminTargets.All.Contains(TargetType) ? TargetType : null;
        var staff = string.IsNullOrEmpty(Staff) ? null : Staff;
        var page = Math.Max(1, PageNumber);
        StaffEmails = await log.StaffAsync(cancellationToken);
        var (entries, total) = await log.PageAsync(new AdminLogQuery(targetType, staff, page, PageSize), cancellationToken);
        Entries = entries;
        var routeValues = new Dictionary<string, string>(StringComparer.Ordinal);
        if (targetType is not null)
        {
            routeValues["art"] = targetType;
        }

        if (staff is not null)
        {
            routeValues["person"] = staff;
        }

        Pagination = new PaginationModel(page, (int)Math.Max(1, (total + PageSize - 1) / PageSize), "/Admin/Protokoll", routeValues);
    }

    /// <summary>"Frage Nr. 12 (Umfrage Nr. 3)": the target, and the survey or council it belongs to.</summary>
    public string TargetText(AdminLogEntry entry) => entry switch
    {
        { TargetType: AdminTargets.ParticipationPhase } => text[$"Target.{entry.TargetType}"],
        { ParentId: { } parent } => text["Log.RefIn", text[$"Target.{entry.TargetType}"], entry.TargetId, text[$"Target.{ParentType(entry.TargetType)}"], parent],
        _ => text["Log.Ref", text[$"Target.{entry.TargetType}"], entry.TargetId],
    };

    /// <summary>The admin page of the target (or of its survey or council), while it exists; null for none.</summary>
    public string? TargetUrl(AdminLogEntry entry)
    {
        if (!entry.LinkExists)
        {
            return null;
        }

        return entry.TargetType switch
        {
            AdminTargets.Survey => Url.Page("/Admin/Umfragen/Details", new { id = entry.TargetId }),
            AdminTargets.SurveyPage or AdminTargets.SurveyQuestion or AdminTargets.SurveyCondition => Url.Page("/Admin/Umfragen/Details", new { id = entry.ParentId }),
            AdminTargets.Vote => Url.Page("/Admin/Abstimmungen/Bearbeiten", new { id = entry.TargetId }),
            AdminTargets.Council => Url.Page("/Admin/Gremien/Bearbeiten", new { id = entry.TargetId }),
            AdminTargets.CouncilRecipient => Url.Page("/Admin/Gremien/Empfaenger", new { id = entry.ParentId }),
            AdminTargets.Digest => Url.Page("/Admin/Gremien/Bericht", new { id = entry.ParentId, digestId = entry.TargetId }),
            AdminTargets.StrategyGoal => Url.Page("/Admin/Strategie/Ziel", new { id = entry.TargetId }),
            AdminTargets.StrategyMeasure => Url.Page("/Admin/Strategie/Massnahme", new { id = entry.TargetId }),
            AdminTargets.StrategyPhase => Url.Page("/Admin/Strategie/Phasen", new { id = entry.TargetId }),
            AdminTargets.ParticipationPhase => Url.Page("/Admin/Phase"),
            AdminTargets.Staff => Url.Page("/Admin/Mitarbeitende"),
            _ => null,
        };
    }

    /// <summary>
    /// The details in words: counts, directions and changed values read; names and addresses as recorded. What staff
    /// wrote (titles, names, changed texts) is German, marked as such on a page in another language.
    /// </summary>
    public IEnumerable<IHtmlContent> DetailLines(AdminLogEntry entry)
    {
        if (entry.Details is { } details)
        {
            yield return entry.Action switch
            {
                AdminActions.GenerateCodes => Plain(text["Log.Codes", details]),
                AdminActions.Close when entry.TargetType == AdminTargets.Vote => ContentLanguage.Sentence(text["Log.Reason"], ContentLanguage.Part(details)),
                AdminActions.Move when Known(text[$"Log.Move.{details}"]) is { } direction => Plain(direction),
                _ => ContentLanguage.Part(details),
            };
        }

        var before = AuditValues.Parse(entry.BeforeJson).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        foreach (var after in AuditValues.Parse(entry.AfterJson))
        {
            yield return ContentLanguage.Sentence(text["Log.Change"], Known(text[$"Log.Key.{after.Key}"]) ?? after.Key, ValueText(after.Key, before.GetValueOrDefault(after.Key)), ValueText(after.Key, after.Value));
        }
    }

    private IHtmlContent ValueText(string key, string? value) => (key, value) switch
    {
        (_, null) => Plain(text["Log.NoValue"]),
        ("status", _) when Known(strategyText[$"Status.{value}"]) is { } status => Plain(status),
        ("endsAt" or "closesAt", _) when DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) => Plain(BerlinTime.Format(at)),
        _ => ContentLanguage.Part(value),
    };

    private static HtmlString Plain(string words) => new(SiteHtml.Encoder.Encode(words));

    private static string ParentType(string targetType) => targetType switch
    {
        AdminTargets.CouncilRecipient or AdminTargets.Digest => AdminTargets.Council,
        _ => AdminTargets.Survey,
    };

    private static string? Known(LocalizedString label) => label.ResourceNotFound ? null : label.Value;
}
