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

    /// <summary>
    /// The refusal of an argument this form does not know, with <paramref name="usage"/>: after the first
    /// <paramref name="words"/> only <paramref name="options"/> may follow, each once and with its value (one without
    /// its value is refused before the command runs). Null when every argument is known.
    /// </summary>
    public string? Unexpected(string usage, int words, params string[] options)
    {
        var given = new HashSet<string>(StringComparer.Ordinal);
        for (var index = words; index < Args.Length; index += 2)
        {
            if (!options.Contains(Args[index], StringComparer.Ordinal))
            {
                return $"Unexpected argument '{Args[index]}'. {usage}";
            }

            if (!given.Add(Args[index]))
            {
                return $"{Args[index]} is given twice. {usage}";
            }
        }

        return null;
    }

    public async Task<int> FailAsync(string message, int exitCode = 2)
    {
        await Error.WriteLineAsync(message);
        return exitCode;
    }
}
