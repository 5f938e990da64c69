using System.Globalization;
using MYK10.Participation.Staff;
using MYK10.Participation.Time;

namespace MYK10.Participation.Web.Cli;

/// <summary>
/// <c>staff add --email X --role admin|moderator</c> (password from standard input), and for the accounts that exist:
/// <c>staff list</c>, <c>staff deactivate|activate --email X</c>, <c>staff password --email X</c> (a new password from
/// standard input), <c>staff reset-two-factor --email X</c> (for a lost phone) and <c>staff role --email X --role
/// admin|moderator</c>. Each change ends the account's open sessions.
/// </summary>
internal static class StaffCommand
{
    private const string Usage = "Usage: staff add --email ADDRESS --role admin|moderator (password from standard input) | staff list"
        + " | staff deactivate|activate|reset-two-factor --email ADDRESS | staff password --email ADDRESS (new password from standard input)"
        + " | staff role --email ADDRESS --role admin|moderator";

    private const string Email = "--email";
    private const string Role = "--role";

    /// <summary>Each form: the options it takes after its word, and what it does.</summary>
    private static readonly Dictionary<string, (string[] Options, Func<CommandContext, Task<int>> Run)> Forms = new(StringComparer.Ordinal)
    {
        ["add"] = ([Email, Role], AddAsync),
        ["list"] = ([], ListAsync),
        ["deactivate"] = ([Email], context => ChangeAsync(context, "deactivated", "was deactivated already", (accounts, id) => accounts.DeactivateAsync(id))),
        ["activate"] = ([Email], context => ChangeAsync(context, "activated", "was active already", (accounts, id) => accounts.ActivateAsync(id))),
        ["reset-two-factor"] = ([Email], context => ChangeAsync(context, "has no second factor now; a new one can be set up at /staff/zwei-faktor",
            "had no second factor", (accounts, id) => accounts.ResetTwoFactorAsync(id))),
        ["password"] = ([Email], context => ChangeAsync(context, "has a new password", "kept its password",
            async (accounts, id) => await accounts.SetPasswordAsync(id, await ReadPasswordAsync(context)))),
        ["role"] = ([Email, Role], RoleAsync),
    };

    public static async Task<int> RunAsync(CommandContext context)
    {
        if (context.Args.FirstOrDefault() is not { } word || !Forms.TryGetValue(word, out var form))
        {
            return await context.FailAsync(Usage);
        }

        return context.Unexpected(Usage, 1, form.Options) is { } unexpected ? await context.FailAsync(unexpected) : await form.Run(context);
    }

    private static async Task<int> RoleAsync(CommandContext context) => StaffRoles.TryParse(context.Option(Role), out var role)
        ? await ChangeAsync(context, $"is {role.ToText()} now", $"was {role.ToText()} already", (accounts, id) => accounts.SetRoleAsync(id, role))
        : await context.FailAsync("--role must be admin or moderator.");

    private static async Task<int> AddAsync(CommandContext context)
    {
        var email = context.Option(Email);
        if (string.IsNullOrWhiteSpace(email))
        {
            return await context.FailAsync("Missing --email. " + Usage);
        }

        if (!StaffRoles.TryParse(context.Option(Role), out var role))
        {
            return await context.FailAsync("--role must be admin or moderator.");
        }

        var password = await ReadPasswordAsync(context);
        var result = await context.Services.GetRequiredService<StaffService>().AddAsync(email, role, password);
        switch (result.Error)
        {
            case StaffAddError.None:
                await context.Output.WriteLineAsync($"Staff account {email.Trim()} ({role.ToText()}) created.");
                return 0;
            case StaffAddError.InvalidEmail:
                return await context.FailAsync($"'{email}' is not a valid email address.");
            case StaffAddError.WeakPassword:
                return await context.FailAsync(WeakPassword);
            case StaffAddError.CommonPassword:
                return await context.FailAsync(CommonPassword);
            case StaffAddError.Duplicate:
                return await context.FailAsync($"A staff account for {email.Trim()} exists already.", 1);
            default:
                return await context.FailAsync("Staff account not created.", 1);
        }
    }

    private const string WeakPassword = "Password too weak: use at least 12 characters.";
    private const string CommonPassword = "Password too easy to guess (a common password, one repeated character, or the address itself): choose another.";

    private static async Task<int> ListAsync(CommandContext context)
    {
        var accounts = await context.Services.GetRequiredService<StaffAccounts>().ListAsync();
        if (accounts.Count == 0)
        {
            await context.Output.WriteLineAsync("No staff accounts yet. Add one with: staff add --email ADDRESS --role admin");
            return 0;
        }

        var width = accounts.Max(a => a.Email.Length);
        foreach (var account in accounts)
        {
            var lastSignIn = account.LastSignInAt is { } at ? "last sign-in " + BerlinTime.ToBerlin(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " Berlin time" : "never signed in";
            await context.Output.WriteLineAsync(string.Join("  ",
                account.Email.PadRight(width), account.Role.ToText().PadRight(9), account.Active ? "active     " : "deactivated",
                account.TwoFactor ? "second factor on " : "second factor off", lastSignIn));
        }

        return 0;
    }

    private static async Task<int> ChangeAsync(CommandContext context, string done, string already, Func<StaffAccounts, long, Task<StaffChange>> change)
    {
        var email = context.Option(Email);
        if (string.IsNullOrWhiteSpace(email))
        {
            return await context.FailAsync("Missing --email. " + Usage);
        }

        var accounts = context.Services.GetRequiredService<StaffAccounts>();
        if (await context.Services.GetRequiredService<StaffStore>().FindIdAsync(email) is not { } id)
        {
            return await context.FailAsync($"There is no staff account for {email.Trim()}.", 1);
        }

        switch (await change(accounts, id))
        {
            case StaffChange.Done:
                await context.Output.WriteLineAsync($"Staff account {email.Trim()} {done}.");
                return 0;
            case StaffChange.Unchanged:
                await context.Output.WriteLineAsync($"Staff account {email.Trim()} {already}; nothing changed.");
                return 0;
            case StaffChange.LastAdmin:
                return await context.FailAsync($"{email.Trim()} is the last active admin: activate or add another admin first.", 1);
            case StaffChange.WeakPassword:
                return await context.FailAsync(WeakPassword);
            case StaffChange.CommonPassword:
                return await context.FailAsync(CommonPassword);
            default:
                return await context.FailAsync($"There is no staff account for {email.Trim()}.", 1);
        }
    }

    private static async Task<string> ReadPasswordAsync(CommandContext context)
    {
        var interactive = ReferenceEquals(context.Input, Console.In) && !Console.IsInputRedirected;
        if (!interactive)
        {
            return (await context.Input.ReadLineAsync())?.TrimEnd('\r', '\n') ?? string.Empty;
        }

        await context.Output.WriteAsync("Password: ");
        var password = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                if (password.Length > 0)
                {
                    password.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        await context.Output.WriteLineAsync();
        return password.ToString();
    }
}
