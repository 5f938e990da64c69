using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MYK10.Participation.Ideas;
using MYK10.Participation.Participants;
using MYK10.Participation.Reference;
using MYK10.Participation.Strategy;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Konto;

public sealed class IndexModel(ParticipantStore participants, ReferenceStore reference, IdeaStore ideas, StrategyStore strategy) : PageModel
{
    public const string SavedNotice = "gespeichert";

    [BindProperty]
    public NotificationsInput Input { get; set; } = new();

    [FromQuery(Name = "hinweis")]
    public string? Notice { get; set; }

    public Participant Participant { get; private set; } = null!;

    public string? MunicipalityName { get; private set; }

    public IReadOnlyList<IdeaSummary> OwnIdeas { get; private set; } = [];

    public IReadOnlyList<IdeaSummary> Supported { get; private set; } = [];

    public IReadOnlyList<OwnComment> OwnComments { get; private set; } = [];

    public IReadOnlyList<OwnMeasureComment> OwnMeasureComments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var participant = User.ParticipantId() is { } id ? await participants.FindAsync(id) : null;
        if (participant is null)
        {
            return RedirectToPage("/Konto/Anmelden");
        }

        Participant = participant;
        Input = new NotificationsInput { SupportedAnswerMails = participant.WantsSupportedAnswerMails };
        MunicipalityName = (await reference.MunicipalitiesAsync()).FirstOrDefault(m => m.Id == participant.MunicipalityId)?.Name;
        OwnIdeas = await ideas.ByAuthorAsync(participant.Id);
        Supported = await ideas.SupportedByAsync(participant.Id);
        OwnComments = await ideas.CommentsByAuthorAsync(participant.Id);
        OwnMeasureComments = await strategy.CommentsByAuthorAsync(participant.Id);
        return Page();
    }

    public async Task<IActionResult> OnPostNotificationsAsync()
    {
        if (User.ParticipantId() is not { } id || !await participants.SetSupportedAnswerMailsAsync(id, Input.SupportedAnswerMails))
        {
            return RedirectToPage("/Konto/Anmelden");
        }

        return Redirect(Url.Page("/Konto/Index", new { hinweis = SavedNotice }) + "#" + AccountPaths.NotificationsAnchor);
    }

    public sealed class NotificationsInput
    {
        public bool SupportedAnswerMails { get; set; }
    }
}
