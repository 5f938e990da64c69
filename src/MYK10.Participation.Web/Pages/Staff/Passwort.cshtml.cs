using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MYK10.Participation.Staff;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Pages.Staff;

/// <summary>A staff member changes their own password; this browser stays signed in, every other session of the account ends.</summary>
public sealed class PasswortModel(StaffAccounts accounts, IOptions<StaffOptions> options, IStringLocalizer<TrustResource> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [FromQuery(Name = "geaendert")]
    public bool Changed { get; set; }

    public int MinimumLength => options.Value.MinimumPasswordLength;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await accounts.ChangeOwnPasswordAsync(User.StaffId()!.Value, Input.CurrentPassword, Input.NewPassword);
        if (outcome == StaffChange.Done)
        {
            await HttpContext.RenewStaffSessionAsync();
            return RedirectToPage(new { geaendert = true });
        }

        var (field, message) = outcome switch
        {
            StaffChange.WrongPassword => (nameof(Input.CurrentPassword), text["OwnPassword.Error.Wrong"]),
            StaffChange.LockedOut => (nameof(Input.CurrentPassword), text["OwnPassword.Error.LockedOut"]),
            StaffChange.WeakPassword => (nameof(Input.NewPassword), text["OwnPassword.Error.Weak", MinimumLength]),
            StaffChange.CommonPassword => (nameof(Input.NewPassword), text["OwnPassword.Error.Common"]),
            _ => (nameof(Input.CurrentPassword), text["Staff.Error.NotFound"]),
        };
        ModelState.AddModelError($"{nameof(Input)}.{field}", message);
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "OwnPassword.Current")]
        [DataType(DataType.Password)]
        public string CurrentPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "OwnPassword.New")]
        [DataType(DataType.Password)]
        public string NewPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [Compare(nameof(NewPassword), ErrorMessage = "Validation.PasswordMismatch")]
        [Display(Name = "OwnPassword.Confirm")]
        [DataType(DataType.Password)]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
