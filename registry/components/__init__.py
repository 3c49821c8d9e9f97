"""Components: reusable solutions, each identified by its canonical repository URL."""
