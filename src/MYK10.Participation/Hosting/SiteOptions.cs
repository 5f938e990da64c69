namespace MYK10.Participation.Hosting;

/// <summary>Configuration section <c>Site</c>.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>Public address of the site, used for links in mail, for example <c>https://beteiligung.kvmyk.de</c>.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5000";

    public string Link(string path) => BaseUrl.TrimEnd('/') + "/" + path.TrimStart('/');

    /// <summary>The imprint, which every mail's footer links to.</summary>
    public string ImprintLink => Link("/impressum");

    /// <summary>
    /// Why links in mail built from <see cref="BaseUrl"/> would not work for citizens (not an absolute address, this
    /// machine only, or not https), or null when it looks like a public address.
    /// </summary>
    public string? PublicAddressProblem() =>
        !Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) ? "it is not an absolute address"
        : uri.IsLoopback ? "it points to this machine"
        : uri.Scheme != Uri.UriSchemeHttps ? "it is not https"
        : null;
}
