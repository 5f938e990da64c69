using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MYK10.Participation.Web.Pages;

/// <summary>German error pages for status codes and unhandled exceptions; never a stack trace.</summary>
[IgnoreAntiforgeryToken]
public sealed class FehlerModel : PageModel
{
    public int Code { get; private set; }

    public IActionResult OnGet(int code) => Render(code);

    // A failed POST re-executes here with its own method.
    public IActionResult OnPost(int code) => Render(code);

    private PageResult Render(int code)
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        Code = code is >= 400 and <= 599 ? code : 404;
        if (!reExecuted)
        {
            Response.StatusCode = Code;
        }

        return Page();
    }
}
