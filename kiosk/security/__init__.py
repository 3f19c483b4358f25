"""Who is who: badge HMACs, signed tokens and their keys, host sign-in, the directory."""
