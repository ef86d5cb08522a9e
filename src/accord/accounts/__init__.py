"""Users, magic links (invitations and sign-in links), two-factor authentication."""
