using MYK10.Participation.Moderation;
using MYK10.Participation.Staff;

namespace MYK10.Participation.Tests.Infrastructure;

public static class StaffTestData
{
    public static async Task<StaffActor> ModeratorAsync(this TestApp app, string? email = null)
    {
        email ??= $"moderation-{Guid.NewGuid():N}@kvmyk.de";
        var result = await app.Get<StaffService>().AddAsync(email, StaffRole.Moderator, "Moderation-Passwort-2026");
        return new StaffActor(result.Id!.Value, email);
    }
}
