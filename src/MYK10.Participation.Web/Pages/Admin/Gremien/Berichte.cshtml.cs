using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MYK10.Participation.Digests;

namespace MYK10.Participation.Web.Pages.Admin.Gremien;

public sealed class BerichteModel(CouncilStore councils) : PageModel
{
    private IReadOnlyList<DigestDeliveryView> _deliveries = [];

    public Council Council { get; private set; } = null!;

    public IReadOnlyList<StoredDigest> Digests { get; private set; } = [];

    public IReadOnlyList<DigestDeliveryView> DeliveriesOf(long digestId) => _deliveries.Where(d => d.DigestId == digestId).ToList();

    public async Task<IActionResult> OnGetAsync(long id)
    {
        Council = (await councils.FindAsync(id))!;
        if (Council is null)
        {
            return NotFound();
        }

        Digests = await councils.DigestsAsync(id);
        _deliveries = await councils.DeliveriesAsync(id);
        return Page();
    }
}
