"""`python -m sk_generator` runs the command line."""

from sk_generator.cli import main

if __name__ == "__main__":
    main()
