using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace MYK10.Participation.Web.Hosting;

/// <summary>
/// Staff and participants sign in with separate cookies (a moderator may also be a citizen in the same browser).
/// This puts every signed-in identity into <c>HttpContext.User</c>, so pages and the layout see both.
/// </summary>
internal static class CombinedUser
{
    private static readonly string[] Schemes = [Policies.StaffScheme, Policies.ParticipantScheme];

    public static IApplicationBuilder UseCombinedUser(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var identities = new List<ClaimsIdentity>();
        foreach (var scheme in Schemes)
        {
            var result = await context.AuthenticateAsync(scheme);
            if (result.Succeeded)
            {
                identities.AddRange(result.Principal.Identities.Where(i => i.IsAuthenticated));
            }
        }

        if (identities.Count > 0)
        {
            context.User = new ClaimsPrincipal(identities);
        }

        await next(context);
    });
}
