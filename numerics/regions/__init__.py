"""Linear regions: hyperplane-arrangement counts, ReLU region bounds, exact and grid counts for ReLU nets."""

from numerics.regions.arrangement import count_arrangement_regions
from numerics.regions.bounds import arrangement_region_count, deep_relu_region_bound, relu_layer_region_bound
from numerics.regions.relu_net import count_relu_regions_2d, count_relu_regions_grid

__all__ = [
    "arrangement_region_count",
    "count_arrangement_regions",
    "count_relu_regions_2d",
    "count_relu_regions_grid",
    "deep_relu_region_bound",
    "relu_layer_region_bound",
]
