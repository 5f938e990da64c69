using MYK10.Participation.Staff;

namespace MYK10.Participation.Web.Cli;

/// <summary><c>staff add --email X --role admin|moderator</c>, password from standard input.</summary>
internal static class StaffCommand
{
    private const string Usage = "Usage: staff add --email ADDRESS --role admin|moderator (password from standard input)";

    public static async Task<int> RunAsync(CommandContext context)
    {
        if (context.Args.Length == 0 || context.Args[0] != "add")
        {
            return await context.FailAsync(Usage);
        }

        var email = context.Option("--email");
        if (string.IsNullOrWhiteSpace(email))
        {
            return await context.FailAsync("Missing --email. " + Usage);
        }

        if (!StaffRoles.TryParse(context.Option("--role"), out var role))
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
                return await context.FailAsync("Password too weak: use at least 12 characters.");
            case StaffAddError.CommonPassword:
                return await context.FailAsync("Password too easy to guess (a common password, one repeated character, or the address itself): choose another.");
            case StaffAddError.Duplicate:
                return await context.FailAsync($"A staff account for {email.Trim()} exists already.", 1);
            default:
                return await context.FailAsync("Staff account not created.", 1);
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
