"""坐席管理: the supervisor's seat board (live states, seat management, listen / whisper / barge)."""
