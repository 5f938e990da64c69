using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Legal;
using MYK10.Participation.Mail;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages;

/// <summary>The accessibility statement (EU model) with its feedback form.</summary>
public sealed class BarrierefreiheitModel(AccessibilityFeedbackService feedback, RateLimits limits, IStringLocalizer<TrustResource> text) : PageModel
{
    public const string FeedbackLimit = "AccessibilityFeedback";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [FromQuery(Name = "gesendet")]
    public bool Sent { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Honeypot.IsTripped(Request))
        {
            return RedirectToPage(null, null, new { gesendet = true }, "rueckmeldung");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!(await limits.TryAcquireAsync(FeedbackLimit, HttpContext.Connection.RemoteIpAddress?.ToString() ?? "local")).Allowed)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Message)}", text["Feedback.TooMany"]);
            return Page();
        }

        await feedback.SendAsync(new AccessibilityFeedback(Input.Message.Trim(), Blank(Input.PageAddress), Blank(Input.Name), Blank(Input.Email)));
        return RedirectToPage(null, null, new { gesendet = true }, "rueckmeldung");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(4000, ErrorMessage = "Feedback.MessageLength")]
        [Display(Name = "Feedback.Message")]
        public string Message { get; set; } = string.Empty;

        [StringLength(500, ErrorMessage = "Feedback.PageLength")]
        [Display(Name = "Feedback.Page")]
        public string? PageAddress { get; set; }

        [StringLength(100, ErrorMessage = "Feedback.NameLength")]
        [Display(Name = "Feedback.Name")]
        public string? Name { get; set; }

        [EmailAddress(ErrorMessage = "Validation.Email")]
        [DeliverableEmail(ErrorMessage = "Validation.Email")]
        [StringLength(320, ErrorMessage = "Validation.Email")]
        [Display(Name = "Feedback.Email")]
        public string? Email { get; set; }
    }
}
