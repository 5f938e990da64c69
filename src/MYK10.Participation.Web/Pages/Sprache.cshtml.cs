using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages;

/// <summary>
/// The language switch in the header: stores the choice in the culture cookie and returns to the page. It takes no
/// antiforgery token, so that pages for visitors who are not signed in carry none and can be cached; the most a forged
/// post could do is switch someone's language.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class SpracheModel : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IActionResult OnGet() => RedirectToPage("/Index");

    public IActionResult OnPost()
    {
        var culture = WebApp.CultureFor(Input.Culture);
        if (culture is not null)
        {
            Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions
                {
                    Expires = DateTimeOffset.UtcNow.AddYears(1),
                    IsEssential = true,
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = Request.IsHttps,
                });
        }

        return LocalRedirect(Url.IsLocalUrl(Input.ReturnUrl) ? Input.ReturnUrl : Url.Page("/Index")!);
    }

    public sealed class InputModel
    {
        public string? Culture { get; set; }

        public string? ReturnUrl { get; set; }
    }
}
