"""The Qt layer: adapts the domain to widgets and nothing else."""
