using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MYK10.Participation.Staff;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Admin;

/// <summary>
/// The staff accounts: who may moderate and administer, and the changes an admin makes when someone leaves, loses the
/// phone with their second factor or takes on another role. New accounts are added on the command line (<c>staff add</c>).
/// </summary>
public sealed class MitarbeitendeModel(StaffAccounts accounts, IStringLocalizer<TrustResource> text) : PageModel
{
    public const string MessageKey = "StaffMessage";

    public IReadOnlyList<StaffOverview> Accounts { get; private set; } = [];

    public long? OwnId => User.StaffId();

    public async Task OnGetAsync(CancellationToken cancellationToken) => Accounts = await accounts.ListAsync(cancellationToken);

    public Task<IActionResult> OnPostDeactivateAsync(long id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "Deactivated", accounts.DeactivateAsync(id, OwnId), cancellationToken);

    public Task<IActionResult> OnPostActivateAsync(long id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "Activated", accounts.ActivateAsync(id), cancellationToken);

    public Task<IActionResult> OnPostResetTwoFactorAsync(long id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "TwoFactorReset", accounts.ResetTwoFactorAsync(id), cancellationToken);

    /// <summary>The role as text (<c>admin</c>, <c>moderator</c>): an enum would also bind a number that names no role.</summary>
    public Task<IActionResult> OnPostRoleAsync(long id, string? role, CancellationToken cancellationToken) => StaffRoles.TryParse(role, out var parsed)
        ? ChangeAsync(id, $"Role.{parsed.ToText()}", accounts.SetRoleAsync(id, parsed, OwnId), cancellationToken, "Staff.Error.OwnRole")
        : ChangeAsync(id, string.Empty, Task.FromResult(StaffChange.NotFound), cancellationToken);

    private async Task<IActionResult> ChangeAsync(long id, string done, Task<StaffChange> change, CancellationToken cancellationToken, string selfError = "Staff.Error.Self")
    {
        var before = (await accounts.ListAsync(cancellationToken)).FirstOrDefault(a => a.Id == id);
        var outcome = await change;
        if (outcome is StaffChange.Done or StaffChange.Unchanged && before is not null)
        {
            TempData[MessageKey] = text[$"Staff.Done.{done}{(outcome == StaffChange.Unchanged ? ".Already" : "")}", before.Email].Value;
            return RedirectToPage();
        }

        ModelState.AddModelError(string.Empty, text[outcome switch
        {
            StaffChange.Self => selfError,
            StaffChange.LastAdmin => "Staff.Error.LastAdmin",
            _ => "Staff.Error.NotFound",
        }]);
        Accounts = await accounts.ListAsync(cancellationToken);
        return Page();
    }
}
