using Microsoft.AspNetCore.Mvc.ModelBinding;
using MYK10.Participation.Web.Hosting;

namespace MYK10.Participation.Web.Tests.Shell;

public sealed class FormErrorOrderTests
{
    public sealed class Form
    {
        public InputModel Input { get; set; } = new();
    }

    public sealed class InputModel
    {
        public string? Title { get; set; }

        public List<Item> Items { get; set; } = [];

        public string? Body { get; set; }
    }

    public sealed class Item
    {
        public string? Value { get; set; }
    }

    private static List<string> Keys(List<string> fields, params string[] keys)
    {
        var state = new ModelStateDictionary();
        foreach (var key in keys)
        {
            state.AddModelError(key, $"Fehler bei {key}");
        }

        var metadata = new EmptyModelMetadataProvider().GetMetadataForType(typeof(Form));
        return FormErrorOrder.Sort(state, metadata, fields).Select(error => error.Key).ToList();
    }

    [Fact]
    public void Errors_FollowTheDeclaredFields_FormErrorsFirst_IndexesInOrder()
    {
        Assert.Equal(
            ["", "Input.Title", "Input.Items[2].Value", "Input.Items[10].Value", "Input.Body"],
            Keys([], "Input.Body", "Input.Items[10].Value", "Input.Title", "", "Input.Items[2].Value"));
    }

    [Fact]
    public void OddKeys_AsAVisitorMayPostThem_SortLastWithoutError()
    {
        // A posted explicit index may hold a dot or be empty: such a key sorts after the well-formed ones of its property,
        // and keys of no property after every known field.
        Assert.Equal(
            ["Input.Title", "Input.Items[", "Input.Items[]", "Input.Items[.1].Value", "Input.Nothing", "a]b"],
            Keys([], "a]b", "Input.Items[.1].Value", "Input.Items[", "Input.Items[]", "Input.Nothing", "Input.Title"));
    }

    [Fact]
    public void FieldsThatAreNoProperties_FollowTheOrderThePageNames()
    {
        Assert.Equal(["q12", "q9", "q9.o1", "q100"], Keys(["q12", "q9", "q100"], "q100", "q9", "q9.o1", "q12"));
    }
}
