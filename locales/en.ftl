# baeum's interface in English: the source language and the fallback for every other.
# Message ids are kebab-case and start with the area they belong to. Keep a message's
# arguments ($name) the same in every translation.
