using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Surveys;
using MYK10.Participation.Web.Surveys;

namespace MYK10.Participation.Web.Pages.Admin.Umfragen;

/// <summary>One survey for admins: its facts, life cycle actions, pages and questions, codes, exports.</summary>
public sealed class DetailsModel(SurveyStore surveys, MYK10.Participation.Reference.ReferenceStore reference, SurveyBuilder builder, InvitationCodes codes, SurveyExports exports,
    SurveyResultsJob resultsJob, IStringLocalizer<SurveysResource> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public SurveyDefinition Definition { get; private set; } = null!;

    public Survey Survey => Definition.Survey;

    public long Responses { get; private set; }

    public string MunicipalityName { get; private set; } = string.Empty;

    public (long Total, long Used) Codes { get; private set; }

    public bool IsDraft => Survey.Status == SurveyStatus.Draft;

    /// <summary>A page's new title and mode that were refused, to show again in that page's form.</summary>
    public RenameAttempt? Renaming { get; private set; }

    /// <summary>The id of a page's title field in its rename form; the model state key of its error, so the summary links to it.</summary>
    public static string PageTitleFieldId(long pageId) => $"page-title-{pageId}";

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var definition = await surveys.LoadAsync(id, HttpContext.RequestAborted);
        if (definition is null)
        {
            return NotFound();
        }

        Definition = definition;
        Responses = await surveys.CountResponsesAsync(id, HttpContext.RequestAborted);
        Codes = await codes.CountAsync(id, HttpContext.RequestAborted);
        MunicipalityName = (await reference.MunicipalitiesAsync(HttpContext.RequestAborted)).FirstOrDefault(m => m.Id == definition.Survey.MunicipalityId)?.Name ?? definition.Survey.MunicipalityId;
        return Page();
    }

    // Starting, ending and archiving cannot be undone (starting fixes the questions, ending stops everyone still
    // answering, an archived draft can no longer be started), so each form asks for a tick first.
    public async Task<IActionResult> OnPostOpenAsync(long id) => Input.ConfirmOpen
        ? await ActAsync(id, builder.OpenAsync(id, HttpContext.RequestAborted), "Done.Opened")
        : await UnconfirmedAsync(id, nameof(InputModel.ConfirmOpen), "Detail.OpenConfirmRequired");

    public async Task<IActionResult> OnPostCloseAsync(long id) => Input.ConfirmClose
        ? await ActAsync(id, builder.CloseAsync(id, HttpContext.RequestAborted), "Done.Closed")
        : await UnconfirmedAsync(id, nameof(InputModel.ConfirmClose), "Detail.CloseConfirmRequired");

    public async Task<IActionResult> OnPostArchiveAsync(long id) => Input.ConfirmArchive
        ? await ActAsync(id, builder.ArchiveAsync(id, HttpContext.RequestAborted), "Done.Archived")
        : await UnconfirmedAsync(id, nameof(InputModel.ConfirmArchive), "Detail.ArchiveConfirmRequired");

    public Task<IActionResult> OnPostPublishAsync(long id) => ActAsync(id, builder.PublishResultsAsync(id, true, HttpContext.RequestAborted), "Done.Published");

    public Task<IActionResult> OnPostUnpublishAsync(long id) => ActAsync(id, builder.PublishResultsAsync(id, false, HttpContext.RequestAborted), "Done.Unpublished");

    public async Task<IActionResult> OnPostDuplicateAsync(long id)
    {
        var result = await builder.DuplicateAsync(id, text["Detail.CopyPrefix"], HttpContext.RequestAborted);
        SurveyAdminPages.Report(TempData, text, result, "Done.Duplicated");
        return result.Succeeded ? RedirectToPage(new { id = result.Id }) : RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRecomputeAsync(long id)
    {
        await resultsJob.RunAsync(id, HttpContext.RequestAborted);
        TempData[SurveyAdminPages.DoneKey] = text["Done.Recomputed"].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAddPageAsync(long id)
    {
        var result = await builder.AddPageAsync(id, Input.PageTitle ?? string.Empty, HttpContext.RequestAborted);
        if (result.Status != BuilderStatus.Invalid)
        {
            return await ReportAsync(id, result, "Done.Saved");
        }

        ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.PageTitle)}", SurveyAdminPages.Problem(text, result));
        return await OnGetAsync(id);
    }

    /// <summary>
    /// A refused title comes back at its own field, not only in a box at the top: each page's form sits in a closed
    /// <c>details</c>, which the page opens for it, so the message, the field and the summary's link meet there.
    /// </summary>
    public async Task<IActionResult> OnPostRenamePageAsync(long id, long pageId)
    {
        var result = await builder.UpdatePageAsync(id, pageId, Input.PageTitle ?? string.Empty, Input.PageConditionMode, HttpContext.RequestAborted);
        if (result.Status != BuilderStatus.Invalid)
        {
            return await ReportAsync(id, result, "Done.Saved");
        }

        // The add form below binds the same name: it stays empty, the refused title goes back to the form it came from.
        Renaming = new RenameAttempt(pageId, Input.PageTitle ?? string.Empty, Input.PageConditionMode);
        Input = new InputModel();
        ModelState.Clear();
        ModelState.AddModelError(PageTitleFieldId(pageId), SurveyAdminPages.Problem(text, result));
        return await OnGetAsync(id);
    }

    /// <summary>The id of the confirmation box in a page's delete form; the model state key of its error, so the summary links to it.</summary>
    public static string DeletePageConfirmId(long pageId) => $"delete-page-{pageId}";

    /// <summary>The id of the confirmation box in a question's delete form, as <see cref="DeletePageConfirmId"/>.</summary>
    public static string DeleteQuestionConfirmId(long questionId) => $"delete-question-{questionId}";

    /// <summary>A page goes with its questions and the conditions based on them, so the form asks for a tick first.</summary>
    public Task<IActionResult> OnPostDeletePageAsync(long id, long pageId) =>
        DeleteAsync(id, DeletePageConfirmId(pageId), "Detail.DeletePageConfirmRequired", () => builder.DeletePageAsync(id, pageId, HttpContext.RequestAborted));

    /// <summary>A question goes with its options and the conditions based on it, so the form asks for a tick first.</summary>
    public Task<IActionResult> OnPostDeleteQuestionAsync(long id, long questionId) =>
        DeleteAsync(id, DeleteQuestionConfirmId(questionId), "Detail.DeleteQuestionConfirmRequired", () => builder.DeleteQuestionAsync(id, questionId, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostMoveAsync(long id, long questionId, int direction) =>
        ActAsync(id, builder.MoveQuestionAsync(id, questionId, direction, HttpContext.RequestAborted), "Done.Saved");


    /// <summary>Exports: antworten.csv|json (raw responses), ergebnisse.csv|json (results).</summary>
    public async Task<IActionResult> OnGetExportAsync(long id, string file)
    {
        var ct = HttpContext.RequestAborted;
        var (bytes, type) = file switch
        {
            "antworten.csv" => (await exports.ResponsesCsvAsync(id, ct), "text/csv; charset=utf-8"),
            "antworten.json" => (await exports.ResponsesJsonAsync(id, ct), "application/json; charset=utf-8"),
            "ergebnisse.csv" => (await exports.ResultsCsvAsync(id, cancellationToken: ct), "text/csv; charset=utf-8"),
            "ergebnisse.json" => (await exports.ResultsJsonAsync(id, cancellationToken: ct), "application/json; charset=utf-8"),
            _ => (null, ""),
        };
        return bytes is null ? NotFound() : File(bytes, type, $"umfrage-{id}-{file}");
    }

    private async Task<IActionResult> DeleteAsync(long id, string confirmId, string messageKey, Func<Task<BuilderResult>> delete)
    {
        if (!Input.ConfirmDelete)
        {
            ModelState.AddModelError(confirmId, text[messageKey]);
            return await OnGetAsync(id);
        }

        return await ActAsync(id, delete(), "Done.Deleted");
    }

    private async Task<IActionResult> ActAsync(long id, Task<BuilderResult> action, string doneKey) => await ReportAsync(id, await action, doneKey);

    /// <summary>The page again, with <paramref name="messageKey"/> at the confirmation box that was not ticked.</summary>
    private async Task<IActionResult> UnconfirmedAsync(long id, string box, string messageKey)
    {
        ModelState.AddModelError($"{nameof(Input)}.{box}", text[messageKey]);
        return await OnGetAsync(id);
    }

    private async Task<IActionResult> ReportAsync(long id, BuilderResult result, string doneKey)
    {
        if (result.Status == BuilderStatus.NotFound && await surveys.FindAsync(id, HttpContext.RequestAborted) is null)
        {
            return NotFound();
        }

        SurveyAdminPages.Report(TempData, text, result, doneKey);
        return RedirectToPage(new { id });
    }

    public sealed record RenameAttempt(long PageId, string Title, ConditionMode Mode);

    public sealed class InputModel
    {
        public string? PageTitle { get; set; }

        public ConditionMode PageConditionMode { get; set; }

        public bool ConfirmOpen { get; set; }

        public bool ConfirmClose { get; set; }

        public bool ConfirmArchive { get; set; }

        public bool ConfirmDelete { get; set; }
    }
}
