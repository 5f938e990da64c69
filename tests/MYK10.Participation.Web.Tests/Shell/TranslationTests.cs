using System.Xml.Linq;

namespace MYK10.Participation.Web.Tests.Shell;

public sealed class TranslationTests
{
    [Fact]
    public void EveryResourceFile_HasAnEnglishTwinWithTheSameKeys()
    {
        var resources = Path.Combine(RepositoryRoot(), "src", "MYK10.Participation.Web", "Resources");
        var neutralFiles = Directory.GetFiles(resources, "*.resx", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileNameWithoutExtension(f).Contains('.', StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(neutralFiles);

        foreach (var german in neutralFiles)
        {
            var english = Path.ChangeExtension(german, ".en.resx");
            Assert.True(File.Exists(english), $"{english} is missing");
            var germanKeys = Keys(german);
            var englishKeys = Keys(english);
            Assert.True(germanKeys.SetEquals(englishKeys),
                $"{Path.GetFileName(german)}: missing in English: {string.Join(", ", germanKeys.Except(englishKeys))}; " +
                $"only in English: {string.Join(", ", englishKeys.Except(germanKeys))}");
            Assert.All(Values(english), v => Assert.False(string.IsNullOrWhiteSpace(v.Value), $"{v.Key} is empty in English"));
        }
    }

    [Theory]
    // "Landkreis" is "district" on every English page (the idea form's "whole district", the legal pages); a second word
    // for it on the vote and survey pages would read as a different body.
    [InlineData(@"\bcount(y|ies)\b")]
    // The page that "/" is: "Home" in the menu, "home page" on the error pages.
    [InlineData(@"\bstart page\b")]
    public void EnglishTexts_UseOneWordForOneThing(string otherWord)
    {
        var web = Path.Combine(RepositoryRoot(), "src", "MYK10.Participation.Web");
        var english = Directory.GetFiles(Path.Combine(web, "Resources"), "*.en.resx", SearchOption.AllDirectories)
            .SelectMany(Values).Select(v => (Where: v.Key, Text: v.Value))
            .Concat(Directory.GetFiles(Path.Combine(web, "Pages"), "*.en.cshtml", SearchOption.AllDirectories)
                .Select(f => (Where: Path.GetFileName(f), Text: File.ReadAllText(f))));

        Assert.Empty(english.Where(e => System.Text.RegularExpressions.Regex.IsMatch(e.Text, otherWord, System.Text.RegularExpressions.RegexOptions.IgnoreCase)).Select(e => e.Where));
    }

    private static HashSet<string> Keys(string path) => Values(path).Select(v => v.Key).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<KeyValuePair<string, string>> Values(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .Select(d => new KeyValuePair<string, string>((string)d.Attribute("name")!, (string?)d.Element("value") ?? string.Empty));

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MYK10.Participation.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
