using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace MYK10.Participation.Data;

/// <summary>One forward-only migration file from <c>sql/</c>.</summary>
public sealed record MigrationScript(string Name, string Sql)
{
    /// <summary>SHA-256 over the text with line endings normalised, so a checkout on another OS keeps the checksum.</summary>
    public string Checksum => Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(Sql.Replace("\r\n", "\n", StringComparison.Ordinal))));

    /// <summary>The scripts embedded in this library, ordered by name.</summary>
    public static IReadOnlyList<MigrationScript> Embedded()
    {
        var assembly = typeof(MigrationScript).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("sql/", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new MigrationScript(n["sql/".Length..], Read(assembly, n)))
            .ToList();
    }

    private static string Read(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded migration {resourceName} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
