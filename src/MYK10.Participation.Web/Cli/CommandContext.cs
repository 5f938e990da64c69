namespace MYK10.Participation.Web.Cli;

/// <summary>What a verb gets: its own arguments, the services, and the console streams.</summary>
public sealed record CommandContext(string[] Args, IServiceProvider Services, TextReader Input, TextWriter Output, TextWriter Error)
{
    /// <summary>The value after <paramref name="name"/>, for example <c>--email a@b.de</c>.</summary>
    public string? Option(string name)
    {
        var index = Array.IndexOf(Args, name);
        return index >= 0 && index + 1 < Args.Length ? Args[index + 1] : null;
    }

    public async Task<int> FailAsync(string message, int exitCode = 2)
    {
        await Error.WriteLineAsync(message);
        return exitCode;
    }
}
