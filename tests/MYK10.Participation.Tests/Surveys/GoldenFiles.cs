using System.Runtime.CompilerServices;

namespace MYK10.Participation.Tests.Surveys;

/// <summary>Expected files beside the tests (Surveys/Golden). A missing file is written and the test fails, for review.</summary>
public static class GoldenFiles
{
    public static void AssertBytes(string name, byte[] actual, [CallerFilePath] string caller = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(caller)!, "Golden", name);
        if (!File.Exists(path))
        {
            File.WriteAllBytes(path, actual);
            Assert.Fail($"Golden file {name} was missing and has been written: review it and run again.");
        }

        var expected = File.ReadAllBytes(path);
        if (!expected.AsSpan().SequenceEqual(actual))
        {
            File.WriteAllBytes(path + ".actual", actual);
            Assert.Fail($"{name} differs from the golden file; the actual output is in {path}.actual.");
        }
    }
}
